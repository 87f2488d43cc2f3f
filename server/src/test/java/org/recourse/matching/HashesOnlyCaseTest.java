package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.intake.Channel;
import org.recourse.intake.Forms;
import org.recourse.platform.CliCommand;
import org.recourse.support.MutableClock;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person without a case starts one from the hashing page with only the hashes (issue 16): she
 * gets a case number and secret once, the hashes are banked for the new case and platforms find
 * them, her status page shows them, and analysts see where the case came from. A reload, a double
 * submit or a replay starts no second case and banks nothing twice; every refusal is a page in her
 * language that keeps her answers and stores nothing.
 */
@RecourseTest
class HashesOnlyCaseTest {

    @LocalServerPort int port;
    @Autowired Cases cases;
    @Autowired HashBanks banks;
    @Autowired JdbcClient jdbc;
    @Autowired List<CliCommand> commands;
    @Autowired MutableClock clock;

    private static String md5() {
        return MatchApiTest.randomPdq().substring(0, 32);
    }

    /** The hashing page's new-case form with its token, as the page's script fills it in. */
    private static Forms newCase(String token, String... hashes) {
        Forms form = Forms.with("submission", token);
        for (int i = 0; i < hashes.length; i += 2) {
            form.and("pdq", hashes[i]).and("md5", hashes[i + 1]);
        }
        return form;
    }

    private static String tokenOf(Document page) {
        return page.selectFirst("#new-case-form input[name=submission]").attr("value");
    }

    private long hashesOnlyCases() {
        return jdbc.sql("select count(*) from intake_case where source = 'hashing_page'").query(Long.class).single();
    }

    private long entriesWith(String hex) {
        return jdbc.sql("select count(*) from match_entry where signal = ?").param(hex).query(Long.class).single();
    }

    @Test
    void aPersonWithoutACaseStartsOneWithOnlyTheHashes() {
        String first = MatchApiTest.randomPdq();
        String second = MatchApiTest.randomPdq();
        StaffHttp victim = new StaffHttp(port);
        Document page = victim.get("/hashen").document();
        assertThat(page.getElementById("new-case-form")).as("without a case the page offers to start one").isNotNull();
        assertThat(page.select("#new-case-form input[name=urls], #new-case-form input[name=description]")).isEmpty();
        String token = tokenOf(page);
        Forms form = newCase(token, first + ":90", md5(), second + ":64", md5())
                .and("reporterType", "self").and("forms", "sextortion").and("minor", "no");

        StaffHttp.Page answer = form.postOnly(victim, "/hashen/nieuw");
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).endsWith("/hashen/ontvangen");
        Document confirmation = victim.get("/hashen/ontvangen").document();
        String number = confirmation.getElementById("case-number").text();
        String secret = confirmation.getElementById("secret").text();
        assertThat(confirmation.getElementById("hashing-outcome").text()).contains("De hashes van 2 beeld(en) zijn bewaard bij je zaak.");
        assertThat(confirmation.getElementById("status-link").attr("href")).isEqualTo("/status");

        CaseView view = cases.findByNumber(number).orElseThrow();
        assertThat(view.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(view.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(view.forms()).containsExactly("sextortion");
        assertThat(view.childAbuseRoute()).isFalse();
        assertThat(cases.items(view.id())).as("nothing online: no item").isEmpty();
        Map<String, Object> row = jdbc.sql("select not_online, source, contact_email, description, secret_hash from intake_case where id = ?")
                .param(view.id()).query().singleRow();
        assertThat(row.get("not_online")).isEqualTo(true);
        assertThat(row.get("source")).isEqualTo("hashing_page");
        assertThat(row.get("contact_email")).isNull();
        assertThat(row.get("description")).isNull();
        assertThat((String) row.get("secret_hash")).isNotBlank().doesNotContain(secret);
        assertThat(banks.activeEntries(view.id())).as("a PDQ and an MD5 per image").isEqualTo(4);
        assertThat(jdbc.sql("select distinct source from match_entry where case_id = ?").param(view.id()).query(String.class).list())
                .containsExactly("VICTIM");
        assertThat(jdbc.sql("select count(*) from assessment_entry where case_id = ? and item_id is null").param(view.id())
                .query(Long.class).single()).as("queued once, as a whole case, like any report that is not online").isEqualTo(1);

        long before = hashesOnlyCases();
        assertThat(form.postOnly(victim, "/hashen/nieuw").location()).as("a double submit lands on the same confirmation")
                .endsWith("/hashen/ontvangen");
        assertThat(victim.get("/hashen/ontvangen").document().getElementById("secret").text()).as("a reload shows it again").isEqualTo(secret);
        StaffHttp replay = new StaffHttp(port);
        replay.get("/hashen");
        assertThat(form.postOnly(replay, "/hashen/nieuw").location()).endsWith("/hashen/ontvangen");
        Document elsewhere = replay.get("/hashen/ontvangen").document();
        assertThat(elsewhere.getElementById("case-number")).as("another session never sees the case").isNull();
        assertThat(elsewhere.getElementById("no-confirmation")).isNotNull();
        assertThat(hashesOnlyCases()).as("no second case").isEqualTo(before);
        assertThat(entriesWith(first)).as("nothing banked twice").isEqualTo(1);

        MatchApi platform = new MatchApi(port, MatchApi.createKey(commands, "Platform " + UUID.randomUUID(), "match:lookup"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + first).body().get("matches")).isNotEmpty());

        StaffHttp status = new StaffHttp(port);
        status.get("/status");
        status.postForm("/status", Map.of("caseNumber", number, "secret", secret));
        Document statusPage = status.get("/status/case").document();
        assertThat(statusPage.getElementById("hashing-banked").text()).isEqualTo("Hashes bij je melding: 4.");
        assertThat(status.get("/hashen").document().getElementById("hashes-form")).as("signed in, she adds to her case").isNotNull();

        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        assertThat(analyst.get("/staff/cases/" + number).document().getElementById("origin-hashing-page").text())
                .contains("Gestart vanaf de hashpagina met alleen hashes");

        try {
            clock.advance(Duration.ofMinutes(11));
            Document later = victim.get("/hashen/ontvangen").document();
            assertThat(later.getElementById("secret")).as("the secret is shown for ten minutes only").isNull();
            assertThat(later.getElementById("case-number").text()).isEqualTo(number);
            assertThat(later.getElementById("secret-gone")).isNotNull();
        } finally {
            clock.reset();
        }
    }

    @Test
    void refusalsArePagesInHerLanguageThatKeepHerAnswersAndStoreNothing() {
        long before = hashesOnlyCases();
        String pdq = MatchApiTest.randomPdq();
        StaffHttp victim = new StaffHttp(port);
        String token = tokenOf(victim.get("/hashen").document());

        StaffHttp.Page child = newCase(token, pdq + ":90", md5()).and("reporterType", "on_behalf")
                .and("forms", "non_consensual_sharing").and("minor", "yes").postOnly(victim, "/hashen/nieuw");
        assertThat(child.status()).isEqualTo(422);
        Document childPage = child.document();
        assertThat(childPage.getElementById("child-route").text()).contains("Meldpunt Kinderporno").contains("niets opgeslagen");
        assertThat(childPage.getElementById("child-route-report").attr("href")).isEqualTo("/melden");
        assertThat(childPage.getElementById("reporterType-on_behalf").hasAttr("checked")).as("her answers stay").isTrue();
        assertThat(childPage.getElementById("form-non_consensual_sharing").hasAttr("checked")).isTrue();
        assertThat(childPage.select("#hash-fields input")).as("hashes of a minor are not offered again").isEmpty();

        StaffHttp.Page unanswered = newCase(token, pdq + ":90", md5()).postOnly(victim, "/hashen/nieuw");
        assertThat(unanswered.status()).isEqualTo(422);
        Document unansweredPage = unanswered.document();
        assertThat(unansweredPage.getElementById("error-summary").text())
                .contains("Wie doet de melding?").contains("Is de persoon op de beelden jonger dan 18?");
        assertThat(unansweredPage.getElementById("minor-error").text()).isEqualTo("Vul dit in.");
        assertThat(unansweredPage.select("#hash-fields input[name=pdq]")).as("her hashes wait for the answers").hasSize(1);
        assertThat(unansweredPage.getElementById("send-hashes").hasAttr("disabled")).isFalse();

        Forms answered = Forms.with("reporterType", "self").and("forms", "deepfake").and("minor", "unsure");
        StaffHttp.Page malformed = newCase(token, "<script>" + "a".repeat(60) + ":90", md5()).and("reporterType", "self")
                .and("forms", "deepfake").and("minor", "unsure").postOnly(victim, "/hashen/nieuw");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.document().getElementById("images-error").text())
                .isEqualTo("1 beeld(en) gaven geen geldige hash. Er is niets bewaard; kies de beelden opnieuw.");
        assertThat(malformed.document().getElementById("form-deepfake").hasAttr("checked")).isTrue();

        StaffHttp.Page huge = newCase(token, "f".repeat(100_000) + ":90", md5()).and("reporterType", "self")
                .and("forms", "deepfake").and("minor", "no").postOnly(victim, "/hashen/nieuw");
        assertThat(huge.status()).isIn(400, 413, 422);
        assertThat(huge.body()).doesNotContain("Exception").doesNotContain("at org.");

        StaffHttp.Page none = newCase(token).and("reporterType", "self").and("forms", "deepfake").and("minor", "no")
                .postOnly(victim, "/hashen/nieuw");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.document().getElementById("images-error").text())
                .isEqualTo("Er waren geen hashes om te bewaren. Kies eerst een of meer beelden.");

        String[] tooMany = new String[42];
        for (int i = 0; i < tooMany.length; i += 2) {
            tooMany[i] = MatchApiTest.randomPdq() + ":90";
            tooMany[i + 1] = md5();
        }
        StaffHttp.Page many = newCase(token, tooMany).and("reporterType", "self").and("forms", "deepfake").and("minor", "no")
                .postOnly(victim, "/hashen/nieuw");
        assertThat(many.status()).isEqualTo(422);
        assertThat(many.document().getElementById("images-error").text()).isEqualTo("Je kunt hoogstens 20 beelden tegelijk bewaren.");

        StaffHttp.Page nul = newCase(token, pdq + "\u0000:90", md5()).and("reporterType", "self").and("forms", "deepfake")
                .and("minor", "no").postOnly(victim, "/hashen/nieuw");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.document().getElementById("images-error").text()).contains("niet leesbaar");

        StaffHttp.Page wrongChoices = newCase(token, pdq + ":90", md5()).and("reporterType", "professional")
                .and("forms", "doxing").and("minor", "no").and("contactEmail", "me@example.org").postOnly(victim, "/hashen/nieuw");
        assertThat(wrongChoices.status()).isEqualTo(422);
        Document wrongPage = wrongChoices.document();
        assertThat(wrongPage.getElementById("reporterType-error")).as("only she or someone on her behalf").isNotNull();
        assertThat(wrongPage.getElementById("forms-error")).as("only image-based forms").isNotNull();
        assertThat(wrongPage.getElementById("contactConsent-error")).as("contact only with consent, as on the report form").isNotNull();
        assertThat(wrongPage.getElementById("contactEmail").attr("value")).isEqualTo("me@example.org");

        StaffHttp.Page noToken = answered.and("pdq", pdq + ":90").and("md5", md5()).postOnly(victim, "/hashen/nieuw");
        assertThat(noToken.status()).isEqualTo(400);
        Document noTokenPage = noToken.document();
        assertThat(noTokenPage.text()).contains("Deze pagina was verlopen, dus er is nog niets verstuurd.");
        assertThat(tokenOf(noTokenPage)).as("a fresh token to send again with").matches("[A-Za-z0-9_-]{22}");
        assertThat(noTokenPage.getElementById("minor-unsure").hasAttr("checked")).isTrue();

        StaffHttp english = new StaffHttp(port);
        String englishToken = tokenOf(english.get("/hash-images").document());
        StaffHttp.Page englishChild = newCase(englishToken, pdq + ":90", md5()).and("reporterType", "self")
                .and("forms", "deepfake").and("minor", "yes").postOnly(english, "/hash-images/new");
        assertThat(englishChild.status()).isEqualTo(422);
        assertThat(englishChild.document().getElementById("child-route").text()).contains("We do not keep hashes of images of someone under 18");
        assertThat(englishChild.document().getElementById("child-route-report").attr("href")).isEqualTo("/report");

        assertThat(hashesOnlyCases()).as("nothing was started").isEqualTo(before);
        assertThat(entriesWith(pdq)).as("nothing was banked").isZero();
    }

    @Test
    void inEnglishTheWholeWayThrough() {
        StaffHttp victim = new StaffHttp(port);
        Document page = victim.get("/hash-images").document();
        assertThat(page.getElementById("new-case-heading").text()).isEqualTo("No report yet? Start a case with only the hashes");
        StaffHttp.Page answer = newCase(tokenOf(page), MatchApiTest.randomPdq() + ":90", md5()).and("reporterType", "on_behalf")
                .and("forms", "non_consensual_sharing").and("minor", "no").and("contactConsent", "true")
                .and("contactEmail", "helper-" + UUID.randomUUID() + "@example.org").postOnly(victim, "/hash-images/new");
        assertThat(answer.location()).endsWith("/hash-images/received");
        Document confirmation = victim.get("/hash-images/received").document();
        assertThat(confirmation.getElementById("hashing-outcome").text()).isEqualTo("The hashes of 1 image(s) were kept with your case.");
        String number = confirmation.getElementById("case-number").text();
        assertThat(jdbc.sql("select contact_consent from intake_case where case_number = ?").param(number).query(Boolean.class).single())
                .as("contact left with consent, as on the report form").isTrue();
    }
}
