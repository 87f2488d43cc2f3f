package org.recourse.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports for monitors from the command line, against the workbench page a coordinator sees: the
 * same totals, small cells hidden only in the export, the method beside the CSV, and presets that
 * an admin adjusts and that refuse an unknown dimension.
 */
@RecourseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest {

    static final Instant IN_MAY = Instant.parse("2031-05-20T12:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    List<CliCommand> commands;
    @TempDir
    Path dir;

    @BeforeAll
    void cases() {
        StatisticsFixtures fixtures = new StatisticsFixtures(jdbc, events, transactions);
        fixtures.cases(25, new StatisticsFixtures.CaseFacts(IN_MAY, "web_form", "non_consensual_sharing", "woman", "18_24",
                "ex_partner", "no", "Amsterdam"));
        fixtures.cases(14, new StatisticsFixtures.CaseFacts(IN_MAY, "phone", "sextortion", "man", "18_24", "online_only",
                "yes", "Rotterdam"));
        fixtures.cases(4, new StatisticsFixtures.CaseFacts(IN_MAY, "chat", "deepfake", "prefer_not_to_say", "16_17",
                "acquaintance", "unsure", "Nergenshuizen"));
    }

    record Output(int exit, String out, String err) {
    }

    Output run(String... args) {
        CliCommand export = commands.stream().filter(c -> c.name().equals("statistics export")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = export.run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    StaffHttp signedIn(StaffRole role) {
        StaffHttp http = new StaffHttp(port);
        http.get("/staff");
        http.signIn(new TestStaff(jdbc).create(role));
        return http;
    }

    @Test
    void theExportsTotalsAreTheWorkbenchsAndItsSmallCellsAreHidden() throws Exception {
        Path csv = dir.resolve("grevio-2031-05.csv");
        Output result = run("--period", "2031-05", "--preset", "grevio", "--format", "csv", "--out", csv.toString());
        assertThat(result.exit()).as(result.err()).isZero();

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo(
                "period,gender,age_band,relationship,form,police_contacted,province,organisation,action_taken,measure,value");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotStartWith("#"));

        Document page = signedIn(StaffRole.COORDINATOR).get("/staff/statistics?period=2031-05").document();
        String workbenchCases = page.getElementById("key-cases").text();
        assertThat(workbenchCases).isEqualTo("43");
        assertThat(lines).contains("2031-05,total,total,total,total,total,total,total,total,cases," + workbenchCases);
        String workbenchByGenderTotal = page.select("#cases-by-gender tfoot .value").text();
        assertThat(workbenchByGenderTotal).isEqualTo(workbenchCases);
        assertThat(page.select("#cases-by-gender tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("Zeg ik liever niet")).findFirst().orElseThrow()
                .selectFirst(".value").text()).as("the workbench shows small numbers").isEqualTo("4");

        assertThat(lines).contains("2031-05,prefer_not_to_say,total,total,total,total,total,total,total,cases,<10");
        assertThat(lines).as("14 men would give the 4 away: hidden too")
                .contains("2031-05,man,total,total,total,total,total,total,total,cases,<10");
        assertThat(lines).contains("2031-05,woman,total,total,total,total,total,total,total,cases,25");

        String method = Files.readString(dir.resolve("grevio-2031-05.csv.method.txt"));
        assertThat(method).contains("<10").contains("secundaire onderdrukking").contains("secondary suppression")
                .contains("province:").contains("not_recorded");
    }

    @Test
    void jsonAndXlsxCarryTheSameProtectedFigures() throws Exception {
        Path json = dir.resolve("cbs.json");
        assertThat(run("--period", "2031-05", "--preset", "cbs", "--format", "json", "--out", json.toString()).exit()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json));
        assertThat(root.get("period").asString()).isEqualTo("2031-05");
        assertThat(root.get("suppression").get("symbol").asString()).isEqualTo("<10");
        JsonNode byProvince = root.get("tables").get(0);
        assertThat(byProvince.get("measure").asString()).isEqualTo("cases");
        Map<String, String> values = new java.util.HashMap<>();
        byProvince.get("cells").forEach(c -> values.put(c.get("province").asString(), c.get("value").asString()));
        assertThat(values).containsEntry("Noord-Holland", "25").containsEntry("unknown", "<10").containsEntry("total", "43")
                .as("14 would give away the 4 whose municipality is unknown").containsEntry("Zuid-Holland", "<10");

        Path xlsx = dir.resolve("cbs.xlsx");
        assertThat(run("--period", "2031-05", "--preset", "cbs", "--format", "xlsx", "--out", xlsx.toString()).exit()).isZero();
        byte[] bytes = Files.readAllBytes(xlsx);
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).as("a zip container").isEqualTo("PK");
    }

    @Test
    void badArgumentsAreNamedAndNothingIsWritten() {
        Path out = dir.resolve("never.csv");
        Output overlapping = run("--period", "2031-05-01", "--preset", "grevio", "--format", "csv", "--out", out.toString());
        assertThat(overlapping.exit()).isEqualTo(2);
        assertThat(overlapping.err()).contains("--period: a whole year, quarter or month");
        Output unknown = run("--period", "2031", "--preset", "nobody", "--format", "csv", "--out", out.toString());
        assertThat(unknown.err()).contains("no preset named 'nobody'");
        assertThat(run("--period", "2031", "--preset", "cbs", "--format", "pdf", "--out", out.toString()).err())
                .contains("--format: csv, xlsx or json");
        assertThat(out).doesNotExist();
    }

    @Test
    void anAdminAdjustsAPresetAndAnUnknownDimensionIsRefusedWithTheLine() {
        StaffHttp admin = signedIn(StaffRole.ADMIN);
        admin.get("/staff/statistics/presets");
        StaffHttp.Page refused = admin.postForm("/staff/statistics/presets", Map.of("name", "impactmonitor",
                "title", "Impactmonitor", "tables", "cases: gender\ncases: colour, gender"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#problems li").text())
                .startsWith("Regel 2: Onbekende dimensie 'colour'. Bruikbare dimensies voor deze maat: channel,");
        assertThat(jdbc.sql("select tables from stat_preset where name = 'impactmonitor'").query(String.class).single())
                .doesNotContain("colour");

        StaffHttp.Page saved = admin.postForm("/staff/statistics/presets", Map.of("name", "impactmonitor",
                "title", "Impactmonitor huiselijk geweld", "tables", "cases: relationship, gender\ncases: age_band\ncases: channel\nreferrals: referral_kind\ncases: province"));
        assertThat(saved.redirectsTo("/staff/statistics/presets?saved=impactmonitor")).isTrue();
        assertThat(admin.get("/staff/statistics/presets?saved=impactmonitor").document().select("#saved").text())
                .contains("impactmonitor");
        assertThat(jdbc.sql("select tables from stat_preset where name = 'impactmonitor'").query(String.class).single())
                .endsWith("cases: province");

        assertThat(signedIn(StaffRole.COORDINATOR).get("/staff/statistics/presets").status()).isEqualTo(403);
    }

    @Test
    void aPeriodThatIsNotWholeIsExplainedOnThePage() {
        StaffHttp.Page page = signedIn(StaffRole.COORDINATOR).get("/staff/statistics?period=2031-05-03");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().getElementById("period-error").text()).contains("heel jaar, kwartaal of maand");
    }
}
