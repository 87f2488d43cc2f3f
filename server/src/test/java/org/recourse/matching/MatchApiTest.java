package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.platform.CliCommand;
import org.recourse.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The match API as a platform uses it: a key from {@code ./recourse api-key create --scopes
 * match:lookup}, HMA's look-up shapes, the batch form, index status, and an RFC 9457 problem for
 * every kind of bad input.
 */
@RecourseTest
class MatchApiTest {

    @LocalServerPort
    int port;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    HashBanks banks;

    @Autowired
    AuditTrail audit;

    @Autowired
    java.time.Clock clock;

    private static final Random random = new Random(16);

    static String randomPdq() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The hash with its first {@code bits} bits flipped. */
    static String flip(String hex, int bits) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int i = 0; i < bits; i++) {
            bytes[i / 8] ^= (byte) (0x80 >>> (i % 8));
        }
        return HexFormat.of().formatHex(bytes);
    }

    private long bankOne(String signalType, String hex) {
        HashBanks.BankingResult result = AuditActor.supplyAs("test", () -> banks.bank(new HashBanks.NewEntries(
                HashBanks.DEFAULT_BANK, EntrySource.IMPORT, "test-" + UUID.randomUUID(), null, null,
                List.of(new HashBanks.NewSignal(SignalType.fromWireName(signalType).orElseThrow(), hex, 90)))));
        assertThat(result.refused()).isEmpty();
        return result.entryIds().getFirst();
    }

    private MatchApi platform(String scopes) {
        return new MatchApi(port, MatchApi.createKey(commands, "Platform " + UUID.randomUUID(), scopes));
    }

    @Test
    void aPlatformLooksUpBankedHashesAsHmaAnswersAndARandomHashMisses() {
        MatchApi api = platform("match:lookup");
        String pdq = randomPdq();
        long pdqEntry = bankOne("pdq", pdq);
        String md5 = HexFormat.of().formatHex(new byte[16]).replace('0', 'a');
        long md5Entry = bankOne("md5", md5);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/m/raw_lookup?signal_type=pdq&signal=" + pdq).body().get("matches").toString())
                        .isEqualTo("[" + pdqEntry + "]"));

        MatchApi.Answer near = api.get("/m/raw_lookup?signal_type=pdq&include_distance=true&signal=" + flip(pdq, 7).toUpperCase());
        assertThat(near.status()).isEqualTo(200);
        assertThat(near.body().get("matches")).hasSize(1);
        JsonNode match = near.body().get("matches").get(0);
        assertThat(match.get("bank_content_id").asLong()).isEqualTo(pdqEntry);
        assertThat(match.get("distance").asString()).isEqualTo("7");
        assertThat(match.get("bank").asString()).isEqualTo("NCII");
        assertThat(api.get("/m/raw_lookup?signal_type=pdq&include_distance=yes&signal=" + flip(pdq, 7)).body().get("matches")
                .get(0).get("distance").asString()).as("yes, on and 1 are true, as Spring reads a boolean").isEqualTo("7");
        assertThat(api.get("/m/raw_lookup?signal_type=pdq&include_distance=&signal=" + flip(pdq, 7)).body().get("matches")
                .toString()).as("empty is the default, false: ids only").isEqualTo("[" + pdqEntry + "]");

        assertThat(api.get("/m/raw_lookup?signal_type=pdq&signal=" + flip(pdq, 40)).body().get("matches")).isEmpty();
        assertThat(api.get("/m/raw_lookup?signal_type=pdq&signal=" + randomPdq()).body().get("matches")).isEmpty();
        assertThat(api.get("/m/raw_lookup?signal_type=video_md5&signal=" + md5).body().get("matches").toString())
                .isEqualTo("[" + md5Entry + "]");

        JsonNode byBank = api.get("/m/lookup?signal_type=pdq&signal=" + flip(pdq, 3)).body();
        assertThat(byBank.propertyNames()).containsExactly("NCII");
        assertThat(byBank.get("NCII").get(0).get("bank_content_id").asLong()).isEqualTo(pdqEntry);
        assertThat(byBank.get("NCII").get(0).get("distance").asString()).isEqualTo("3");
        assertThat(api.get("/m/lookup?signal_type=pdq&signal=" + flip(pdq, 3) + "&banks=OTHER").body().isEmpty()).isTrue();

        MatchApi.Answer batch = api.post("/m/raw_lookup/batch",
                "{\"signal_type\":\"pdq\",\"signals\":[\"" + flip(pdq, 1) + "\",\"" + randomPdq() + "\"]}");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().get("results").get(0).get("matches").get(0).get("bank_content_id").asLong()).isEqualTo(pdqEntry);
        assertThat(batch.body().get("results").get(0).get("signal").asString()).isEqualTo(flip(pdq, 1));
        assertThat(batch.body().get("results").get(1).get("matches")).isEmpty();
        // The batch goes to the index in one search; each answer is what the single look-up says, in the order sent.
        List<String> mixed = List.of(randomPdq(), flip(pdq, 2), randomPdq(), pdq, flip(pdq, 40), flip(pdq, 31), flip(pdq, 32));
        MatchApi.Answer many = api.post("/m/raw_lookup/batch", "{\"signal_type\":\"pdq\",\"signals\":[\""
                + String.join("\",\"", mixed) + "\"]}");
        assertThat(many.status()).isEqualTo(200);
        for (int i = 0; i < mixed.size(); i++) {
            assertThat(many.body().get("results").get(i).get("matches").toString())
                    .as("signal %d", i)
                    .isEqualTo(api.get("/m/raw_lookup?signal_type=pdq&include_distance=true&signal=" + mixed.get(i))
                            .body().get("matches").toString());
        }
        assertThat(many.body().get("results").get(5).get("matches").get(0).get("distance").asString()).isEqualTo("31");
        assertThat(many.body().get("results").get(6).get("matches")).isEmpty();
        MatchApi.Answer exact = api.post("/m/raw_lookup/batch", "{\"signal_type\":\"md5\",\"signals\":[\"" + md5
                + "\",\"" + md5.replace('a', 'b') + "\"]}");
        assertThat(exact.body().get("results").get(0).get("matches").get(0).get("bank_content_id").asLong()).isEqualTo(md5Entry);
        assertThat(exact.body().get("results").get(1).get("matches")).isEmpty();

        JsonNode status = api.get("/m/index/status").body();
        assertThat(status.propertyNames()).containsExactly("pdq", "md5", "sha256");
        assertThat(status.get("pdq").get("present").asBoolean()).isTrue();
        assertThat(status.get("pdq").get("stale").asBoolean()).isFalse();
        assertThat(status.get("pdq").get("size").asInt()).isPositive();
        assertThat(status.get("pdq").get("built_to").asLong()).isPositive();
        assertThat(api.get("/m/index/status?signal_type=pdq").body().propertyNames()).containsExactly("pdq");
    }

    @Test
    void everyKindOfBadInputIsAProblemThatSaysWhatIsWrong() {
        MatchApi api = platform("match:lookup,match:feed,match:feedback");
        String good = randomPdq();

        problem(api.get("/m/raw_lookup?signal_type=pdq&signal=" + good.replace(good.charAt(5), 'g')), 400, "malformed_hex",
                "geen hexadecimale tekst");
        problem(api.get("/m/raw_lookup?signal_type=pdq&signal=" + good.substring(2)), 400, "wrong_length",
                "Een pdq-signaal heeft 64 hexadecimale tekens; dit heeft er 62.");
        problem(api.get("/m/raw_lookup?signal_type=tmk&signal=" + good), 400, "unknown_signal_type", "Onbekend signaaltype 'tmk'");
        problem(api.getIn("en", "/m/raw_lookup?signal_type=tmk&signal=" + good), 400, "unknown_signal_type",
                "Unknown signal type 'tmk'; known are pdq, md5 (also video_md5) and sha256.");
        problem(api.get("/m/raw_lookup?signal_type=pdq&quality=0&signal=" + good), 400, "quality_zero", "kwaliteit 0");
        problem(api.get("/m/raw_lookup?signal_type=pdq&signal=" + "0".repeat(64)), 400, "quality_zero", "kwaliteit 0");
        problem(api.get("/m/raw_lookup?signal=" + good), 400, "missing_signal", "signal_type");
        problem(api.get("/m/raw_lookup?signal_type=pdq&quality=hoog&signal=" + good), 400, "invalid_quality", "tussen 0 en 100");
        problem(api.get("/m/lookup?signal_type=pdq&quality=1e3&signal=" + good), 400, "invalid_quality", "tussen 0 en 100");
        problem(api.get("/m/raw_lookup?signal_type=pdq&include_distance=misschien&signal=" + good), 400,
                "invalid_include_distance", "include_distance moet true of false zijn");

        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"" + good + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
        problem(api.post("/m/raw_lookup/batch", "{\"signal_type\":\"pdq\",\"signals\":[" + tooMany + "]}"), 400,
                "batch_too_large", "hoogstens 1.000 signalen bevatten; deze bevat er 1.001");
        MatchApi.Answer invalid = api.post("/m/raw_lookup/batch",
                "{\"signal_type\":\"pdq\",\"signals\":[\"" + good + "\",\"xyz\",\"" + good.substring(1) + "\"]}");
        problem(invalid, 400, "invalid_batch", "2 signalen in deze batch zijn ongeldig");
        assertThat(invalid.body().get("errors").toString())
                .isEqualTo("[{\"index\":1,\"code\":\"malformed_hex\"},{\"index\":2,\"code\":\"wrong_length\"}]");

        long latest = api.get("/m/feed?limit=1").body().get("checkpoint").asLong();
        problem(api.get("/m/feed?checkpoint=" + (latest + 1_000_000)), 400, "checkpoint_ahead", "voorbij het laatste checkpoint");
        problem(api.get("/m/feed?checkpoint=-3"), 400, "invalid_checkpoint", "geheel getal");
        problem(api.post("/m/feedback", "{\"bank_content_id\": 999999999, \"verdict\": \"blocked\"}"), 404, "unknown_entry",
                "geen hashbankitem");
        problem(api.post("/m/feedback", "{\"bank_content_id\": 1, \"verdict\": \"maybe\"}"), 400, "invalid_verdict",
                "blocked, not_blocked of not_matching_policy");
    }

    private static void problem(MatchApi.Answer answer, int status, String code, String detail) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asString()).isEqualTo(code);
        assertThat(answer.body().get("detail").asString()).contains(detail);
        assertThat(answer.body().get("title").asString()).isNotBlank();
    }

    @Test
    void aKeyWithoutTheScopeOrWithoutAKeyIsRefused() {
        String pdq = randomPdq();
        MatchApi.Answer noKey = new MatchApi(port, null).get("/m/raw_lookup?signal_type=pdq&signal=" + pdq);
        problem(noKey, 401, "unauthenticated", "Authorization: Bearer");
        MatchApi reportsOnly = platform("reports:submit");
        problem(reportsOnly.get("/m/raw_lookup?signal_type=pdq&signal=" + pdq), 403, "forbidden", "match:lookup");
        MatchApi lookupOnly = platform("match:lookup");
        problem(lookupOnly.get("/m/feed"), 403, "forbidden", "match:feed");
        problem(lookupOnly.post("/m/feedback", "{\"bank_content_id\": 1, \"verdict\": \"blocked\"}"), 403, "forbidden",
                "match:feedback");
        problem(new MatchApi(port, "rk_" + "x".repeat(40)).get("/m/index/status"), 401, "unauthenticated", "geldige API-sleutel");
    }

    @Test
    void lookUpsAreAuditedAsACountPerKeyPerMinute() {
        String key = MatchApi.createKey(commands, "Counted " + UUID.randomUUID(), "match:lookup");
        MatchApi api = new MatchApi(port, key);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/m/raw_lookup?signal_type=pdq&signal=" + randomPdq()).status()).isEqualTo(200);
        }
        assertThat(api.post("/m/raw_lookup/batch", "{\"signal_type\":\"pdq\",\"signals\":[\"" + randomPdq() + "\",\""
                + randomPdq() + "\"]}").status()).isEqualTo(200);
        String keyId = keyIdOf(key);
        MutableClock mutable = (MutableClock) clock;
        try {
            mutable.advance(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.entriesFor("api_key", keyId))
                    .filteredOn(e -> e.action().equals("match.looked-up")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).endsWith(" signals=5")));
        } finally {
            mutable.reset();
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String keyIdOf(String key) {
        return jdbc.sql("select id from api_key where prefix = ?").param(key.substring(0, 8)).query(UUID.class).single().toString();
    }
}
