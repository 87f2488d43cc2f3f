package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.RecourseTest;
import org.recourse.platform.CliCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./recourse bank import} and {@code bank export} in the formats the field exchanges banks in. */
@RecourseTest
class BankExchangeTest {

    @LocalServerPort
    int port;

    @Autowired
    List<CliCommand> commands;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String name, String... args) {
        CliCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String bankName() {
        return "PARTNER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    }

    @Test
    void aThreatExchangeFileIsBankedLineByLineAndExportedInEveryFormat() throws Exception {
        String pdq = MatchApiTest.randomPdq();
        String md5 = "0123456789abcdef".repeat(2);
        String sha = "ab".repeat(32);
        Path file = Files.writeString(dir.resolve("partner.te"), String.join("\n",
                "pdq " + pdq, "video_md5 " + md5, "# a comment", "sha256 " + sha, "pdq xyz", "tmk abcdef",
                "pdq " + "0".repeat(64), ""));
        String bank = bankName();

        Run imported = run("bank import", "--bank", bank, "--format", "te", "--source", "Partner X", file.toString());
        assertThat(imported.exit()).isEqualTo(1);
        assertThat(imported.out()).contains("Banked 3 signals in " + bank + " (source: Partner X).");
        assertThat(imported.err()).contains("partner.te line 5: not banked: not hexadecimal")
                .contains("partner.te line 6: not banked: unknown signal type 'tmk'")
                .contains("partner.te line 7: not banked: PDQ quality 0");

        MatchApi platform = new MatchApi(port, MatchApi.createKey(commands, "Exchange " + UUID.randomUUID(), "match:lookup"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                platform.get("/m/lookup?signal_type=pdq&signal=" + pdq).body().propertyNames()).containsExactly(bank));

        Path te = dir.resolve("out.te");
        assertThat(run("bank export", "--bank", bank, "--format", "te", "--out", te.toString()).out())
                .isEqualTo("Wrote 3 entries of " + bank + " to " + te + ".\n");
        assertThat(Files.readAllLines(te)).containsExactly("pdq " + pdq, "md5 " + md5, "sha256 " + sha);

        Path pdqList = dir.resolve("out.pdq");
        assertThat(run("bank export", "--bank", bank, "--format", "pdq", "--out", pdqList.toString()).out())
                .contains("Wrote 1 entries").contains("2 left out");
        assertThat(Files.readAllLines(pdqList)).containsExactly(pdq);

        Path json = dir.resolve("out.json");
        assertThat(run("bank export", "--bank", bank, "--format", "stopncii", "--out", json.toString()).exit()).isZero();
        JsonNode records = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("signalType").asString()).isEqualTo("ImagePDQ");
        assertThat(records.get(0).get("hashValue").asString()).isEqualTo(pdq);
        assertThat(records.get(0).get("hashStatus").asString()).isEqualTo("Active");
        assertThat(records.get(0).get("caseNumbers").propertyNames()).singleElement().asString().matches("\\d+");
        assertThat(records.get(1).get("signalType").asString()).isEqualTo("VideoMD5");

        String copy = bankName();
        Run roundTrip = run("bank import", "--bank", copy, "--format", "stopncii", json.toString());
        assertThat(roundTrip.exit()).as(roundTrip.err()).isZero();
        assertThat(roundTrip.out()).contains("Banked 2 signals in " + copy + " (source: out.json).");
        Run again = run("bank import", "--bank", copy, "--format", "stopncii", json.toString());
        assertThat(again.out()).as("the same source's signals are not banked twice").contains("Banked 2 signals");
        Path twice = dir.resolve("twice.te");
        run("bank export", "--bank", copy, "--format", "te", "--out", twice.toString());
        assertThat(Files.readAllLines(twice)).containsExactly("pdq " + pdq, "md5 " + md5);
    }

    @Test
    void aPlainPdqListAndBadUsageAreAnsweredInWords() throws Exception {
        String bank = bankName();
        Path list = Files.writeString(dir.resolve("list.txt"), MatchApiTest.randomPdq() + "\n" + MatchApiTest.randomPdq() + "\n");
        assertThat(run("bank import", "--bank", bank, "--format", "pdq", list.toString()).exit()).isZero();

        Run unknownFormat = run("bank import", "--bank", bank, "--format", "csv", list.toString());
        assertThat(unknownFormat.exit()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("--format pdq, te, stopncii");
        Run badName = run("bank import", "--bank", "my bank", "--format", "pdq", list.toString());
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("capitals, digits and underscores");
        Run missing = run("bank import", "--bank", bank, "--format", "pdq", dir.resolve("nope.txt").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read").contains("no such file");
        Run latin1 = run("bank import", "--bank", bank, "--format", "te",
                Files.write(dir.resolve("latin1.te"), new byte[] {'p', 'd', 'q', ' ', (byte) 0xe9}).toString());
        assertThat(latin1.exit()).isEqualTo(2);
        assertThat(latin1.err()).contains("not UTF-8 text");
        Run brokenJson = run("bank import", "--bank", bank, "--format", "stopncii",
                Files.writeString(dir.resolve("broken.json"), "[{\"signalType\": ").toString());
        assertThat(brokenJson.exit()).isEqualTo(1);
        assertThat(brokenJson.err()).contains("line 1: not banked: not JSON");

        Run noBank = run("bank export", "--bank", "NO_SUCH_BANK_" + bank, "--format", "te", "--out", dir.resolve("x").toString());
        assertThat(noBank.exit()).isEqualTo(2);
        assertThat(noBank.err()).contains("there is no bank named NO_SUCH_BANK_");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }
}
