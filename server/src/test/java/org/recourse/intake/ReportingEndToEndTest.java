package org.recourse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.evidence.EvidenceVault;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reporter's whole journey over real HTTP: the form with and without optional fields, the
 * case number and secret, the status page, adding information and material, progress made by
 * staff, withdrawal, and the throttling of wrong secrets.
 */
@RecourseTest
class ReportingEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cases cases;

    @Autowired
    org.recourse.support.MutableClock clock;

    @Autowired
    EvidenceVault vault;

    record Credentials(String caseNumber, String secret) {
    }

    private Credentials submitMinimal(StaffHttp http, String url) {
        http.get("/melden");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "deepfake").and("urls", url)
                .post(http, "/melden");
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.document();
        return new Credentials(doc.getElementById("case-number").text(), doc.getElementById("secret").text());
    }

    @Test
    void aDoubleSubmitOrReloadShowsTheSameConfirmationAndNeverMakesASecondCase() {
        StaffHttp http = new StaffHttp(port);
        Document form = http.get("/melden").document();
        String token = form.selectFirst("input[name=submission]").val();
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        String url = "https://twice.example/" + UUID.randomUUID();
        Forms filled = Forms.with("reporterType", "self").and("forms", "deepfake").and("urls", url).and("submission", token);

        StaffHttp.Page first = filled.postOnly(http, "/melden");
        StaffHttp.Page second = filled.postOnly(http, "/melden");

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.location()).isEqualTo("/melden/ontvangen");
        assertThat(second.status()).isEqualTo(303);
        assertThat(second.location()).isEqualTo("/melden/ontvangen");
        Document confirmation = http.get("/melden/ontvangen").document();
        Document reloaded = http.get("/melden/ontvangen").document();
        String number = confirmation.getElementById("case-number").text();
        assertThat(number).matches("RC-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(reloaded.getElementById("case-number").text()).isEqualTo(number);
        assertThat(reloaded.getElementById("secret").text()).isEqualTo(confirmation.getElementById("secret").text());
        assertThat(jdbc.sql("select count(*) from reported_item where url = ?").param(url).query(Long.class).single())
                .as("one case for one form, however often it is sent").isEqualTo(1);

        StaffHttp other = new StaffHttp(port);
        other.get("/melden");
        StaffHttp.Page replay = filled.postOnly(other, "/melden");
        assertThat(replay.status()).isEqualTo(303);
        Document elsewhere = other.get("/melden/ontvangen").document();
        assertThat(elsewhere.getElementById("case-number")).as("another session never sees the secret").isNull();
        assertThat(elsewhere.getElementById("no-confirmation").text()).contains("is die ontvangen");
        assertThat(jdbc.sql("select count(*) from reported_item where url = ?").param(url).query(Long.class).single()).isEqualTo(1);

        try {
            clock.advance(Duration.ofMinutes(11));
            Document later = http.get("/melden/ontvangen").document();
            assertThat(later.getElementById("case-number").text()).isEqualTo(number);
            assertThat(later.getElementById("secret")).as("the secret is gone from the session after 10 minutes").isNull();
            assertThat(later.getElementById("secret-gone").text()).contains("gewist");
        } finally {
            clock.reset();
        }

        String fresh = http.get("/melden").document().selectFirst("input[name=submission]").val();
        assertThat(fresh).isNotEqualTo(token);
        Forms.with("reporterType", "self").and("forms", "deepfake").and("urls", url).and("submission", fresh).post(http, "/melden");
        assertThat(jdbc.sql("select count(*) from reported_item where url = ?").param(url).query(Long.class).single())
                .as("a new form is a new report").isEqualTo(2);
    }

    @Test
    void aReportWithoutOptionalFieldsGetsACaseNumberAndSecret() {
        StaffHttp http = new StaffHttp(port);
        StaffHttp.Page form = http.get("/melden");
        assertThat(form.document().select("h1").text()).isEqualTo("Doe een melding");
        assertThat(form.body()).doesNotContain("https://fonts.").doesNotContain("googletagmanager").doesNotContain("??");
        assertThat(http.get("/report").body()).contains("Make a report").doesNotContain("??");

        Credentials credentials = submitMinimal(http, "https://min.example/" + UUID.randomUUID());

        assertThat(credentials.caseNumber()).matches("RC-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(credentials.secret()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        Map<String, Object> row = jdbc.sql("select * from intake_case where case_number = ?").param(credentials.caseNumber())
                .query().singleRow();
        assertThat(row.get("channel")).isEqualTo("web_form");
        assertThat(row.get("contact_email")).isNull();
        assertThat(row.get("gender")).isNull();
        assertThat((String) row.get("secret_hash")).doesNotContain(credentials.secret().replace("-", ""));
        assertThat(jdbc.sql("select count(*) from case_status_history h join intake_case c on c.id = h.case_id "
                + "where c.case_number = ? and h.status = 'RECEIVED'").param(credentials.caseNumber())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aReportWithEveryOptionalFieldKeepsThem() {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        StaffHttp.Page page = Forms.with("reporterType", "on_behalf")
                .and("forms", "sextortion").and("forms", "something_else").and("otherFormText", "Nepaccount met mijn naam")
                .and("urls", "https://full.example/a?utm_source=x\nhttps://full.example/b")
                .and("platform", "Instagram").and("account", "@someone")
                .and("started", "last_7_days").and("ongoing", "yes").and("minor", "no").and("policeContacted", "unsure")
                .and("description", "<script>alert(1)</script> told in my own words")
                .and("contactEmail", "reporter@example.org").and("contactConsent", "true")
                .and("gender", "prefer_not_to_say").and("ageBand", "18_24").and("relationship", "ex_partner")
                .and("municipality", "Utrecht")
                .post(http, "/report");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("h1").text()).isEqualTo("Your report has been received");
        String number = page.document().getElementById("case-number").text();

        Map<String, Object> row = jdbc.sql("select * from intake_case where case_number = ?").param(number).query().singleRow();
        assertThat(row).containsEntry("reporter_type", "on_behalf").containsEntry("started", "last_7_days")
                .containsEntry("contact_email", "reporter@example.org").containsEntry("gender", "prefer_not_to_say")
                .containsEntry("age_band", "18_24").containsEntry("relationship", "ex_partner")
                .containsEntry("municipality", "Utrecht").containsEntry("other_form_text", "Nepaccount met mijn naam")
                .containsEntry("description", "<script>alert(1)</script> told in my own words");
        UUID caseId = (UUID) row.get("id");
        assertThat(cases.items(caseId)).extracting(ReportedItem::url)
                .containsExactly("https://full.example/a", "https://full.example/b", null);
        assertThat(cases.items(caseId).get(2).account()).isEqualTo("@someone");
    }

    @Test
    void invalidInputIsExplainedNextToTheFieldInTheUsersLanguage() {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("urls", "ftp://bad.example/x")
                .and("contactEmail", "not-an-address").post(http, "/melden");
        assertThat(page.status()).isEqualTo(422);
        Document doc = page.document();
        assertThat(doc.getElementById("urls-error").text()).contains("Dit is geen webadres");
        assertThat(doc.getElementById("forms-error").text()).isEqualTo("Kies minstens één vorm van wat er is gebeurd.");
        assertThat(doc.getElementById("contactEmail-error").text()).contains("geen geldig e-mailadres");
        assertThat(doc.getElementById("urls").attr("aria-describedby")).contains("urls-error");
        assertThat(doc.getElementById("urls").text()).isEqualTo("ftp://bad.example/x");
        assertThat(doc.select(".error-summary a")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(doc.select(".error-summary a").eachText()).as("each entry names its field").contains(
                "Wat is er gebeurd? — Kies minstens één vorm van wat er is gebeurd.")
                .anySatisfy(entry -> assertThat(entry).startsWith("Internetadressen (URL's) — "));

        http.get("/melden");
        Document empty = Forms.with("reporterType", "").post(http, "/melden").document();
        assertThat(empty.select(".error-summary a").eachText()).as("an empty form names what is missing")
                .allSatisfy(entry -> assertThat(entry).contains(" — "))
                .anySatisfy(entry -> assertThat(entry).startsWith("Wie doet de melding? — "));

        http.get("/report");
        Document english = Forms.with("reporterType", "self").and("forms", "deepfake").and("notOnline", "true")
                .and("description", "x".repeat(5001)).post(http, "/report").document();
        assertThat(english.getElementById("description-error").text()).isEqualTo("This is too long: at most 5000 characters.");
    }

    @Test
    void theHoneypotKeepsBotsOut() {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        String url = "https://bot.example/" + UUID.randomUUID();
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "deepfake").and("urls", url)
                .and("website", "http://spam.example").post(http, "/melden");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().getElementById("case-number")).isNull();
        assertThat(jdbc.sql("select count(*) from reported_item where url = ?").param(url).query(Integer.class).single()).isZero();
    }

    @Test
    void aMinorIsRoutedToTheChildAbuseRouteAndToldSo() {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        StaffHttp.Page page = Forms.with("reporterType", "professional").and("forms", "non_consensual_sharing")
                .and("notOnline", "true").and("minor", "yes").post(http, "/melden");
        assertThat(page.document().getElementById("child-route").text()).contains("Meldpunt Kinderporno");
        String number = page.document().getElementById("case-number").text();
        assertThat(cases.findByNumber(number).orElseThrow().childAbuseRoute()).isTrue();
    }

    @Test
    void theReporterFollowsAddsToAndWithdrawsTheCase() {
        StaffHttp http = new StaffHttp(port);
        Credentials credentials = submitMinimal(http, "https://journey.example/" + UUID.randomUUID());
        UUID caseId = cases.findByNumber(credentials.caseNumber()).orElseThrow().id();

        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/status");
        StaffHttp.Page signedIn = reporter.postForm("/status", Map.of("caseNumber", credentials.caseNumber().toLowerCase(),
                "secret", credentials.secret().replace("-", " ")));
        assertThat(signedIn.redirectsTo("/status/case")).isTrue();
        assertThat(signedIn.location()).doesNotContain(credentials.caseNumber());
        Document status = reporter.get("/status/case").document();
        assertThat(status.html()).doesNotContain("??");
        assertThat(status.getElementById("current-status").text()).startsWith("Ontvangen");
        assertThat(status.getElementById("status-history").text()).matches("Ontvangen: \\d{1,2} \\w+ \\d{4}.*");

        assertThat(cases.progress(caseId, CaseStatus.BEING_ASSESSED)).isTrue();
        status = reporter.get("/status/case").document();
        assertThat(status.getElementById("current-status").text()).startsWith("Wordt beoordeeld");
        assertThat(status.getElementById("status-history").select("li")).hasSize(2);

        StaffHttp.Page added = reporter.postForm("/status/case/information", Map.of("information", "Er is een nieuw account"));
        assertThat(added.redirectsTo("/status/case")).isTrue();
        assertThat(reporter.get("/status/case").document().getElementById("status-message").text())
                .isEqualTo("Dank je, je informatie is toegevoegd.");

        byte[] screenshot = "not really a png".getBytes(StandardCharsets.UTF_8);
        StaffHttp.Page uploaded = Forms.upload(reporter, "/status/case/material", "material", "screenshot.png", screenshot);
        assertThat(uploaded.redirectsTo("/status/case")).isTrue();
        assertThat(reporter.get("/status/case").document().getElementById("status-message").text())
                .isEqualTo("Dank je, je bestand is veilig opgeslagen.");
        assertThat(vault.forCase(caseId)).singleElement().satisfies(evidence -> {
            assertThat(evidence.kind()).isEqualTo("file");
            assertThat(evidence.size()).isEqualTo(screenshot.length);
            assertThat(evidence.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(screenshot)));
        });
        assertThat(jdbc.sql("select additions from intake_case where id = ?").param(caseId).query(Integer.class).single())
                .isEqualTo(2);

        assertThat(reporter.get("/status/case/withdraw").document().select("h1").text()).contains("intrekken");
        StaffHttp.Page withdrawn = reporter.postForm("/status/case/withdraw", Map.of());
        assertThat(withdrawn.document().select("h1").text()).isEqualTo("Je melding is ingetrokken");
        Map<String, Object> row = jdbc.sql("select * from intake_case where id = ?").param(caseId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("WITHDRAWN");
        assertThat(row.get("personal_data_removed_at")).isNotNull();
        assertThat(row.get("forms").toString()).contains("deepfake");
        assertThat(row.get("reporter_type")).isEqualTo("self");
        assertThat(jdbc.sql("select body from case_addition where case_id = ? and kind = 'text'").param(caseId)
                .query(String.class).list()).containsOnlyNulls();
        assertThat(reporter.get("/status/case").redirectsTo("/status")).isTrue();
        assertThat(cases.progress(caseId, CaseStatus.NOTICES_SENT)).isFalse();
    }

    @Test
    void wrongSecretsSlowDownTheGuessingAddressButNeverLockTheVictimOut() {
        StaffHttp http = new StaffHttp(port);
        Credentials credentials = submitMinimal(http, "https://throttle.example/" + UUID.randomUUID());
        StaffHttp attacker = new StaffHttp(port, "127.0.0.3");
        attacker.get("/status");
        for (int i = 0; i < 4; i++) {
            StaffHttp.Page wrong = attacker.postForm("/status",
                    Map.of("caseNumber", credentials.caseNumber(), "secret", "AAAA-BBBB-CCCC-DDDD-EEE" + i));
            assertThat(wrong.document().getElementById("sign-in-error").text()).contains("klopt niet");
        }
        StaffHttp.Page fifth = attacker.postForm("/status",
                Map.of("caseNumber", credentials.caseNumber(), "secret", "AAAA-BBBB-CCCC-DDDD-EEEE"));
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.document().getElementById("sign-in-error").text()).contains("te vaak", "over 30 seconden");
        StaffHttp.Page stillBlocked = attacker.postForm("/status",
                Map.of("caseNumber", credentials.caseNumber(), "secret", credentials.secret()));
        assertThat(stillBlocked.status()).as("even the right secret waits, from the guessing address").isEqualTo(429);

        StaffHttp victim = new StaffHttp(port, "127.0.0.4");
        victim.get("/status");
        assertThat(victim.postForm("/status", Map.of("caseNumber", credentials.caseNumber(), "secret", credentials.secret()))
                .redirectsTo("/status/case")).as("another address signs in at once").isTrue();

        try {
            clock.advance(Duration.ofSeconds(30));
            StaffHttp.Page sixth = attacker.postForm("/status",
                    Map.of("caseNumber", credentials.caseNumber(), "secret", "AAAA-BBBB-CCCC-DDDD-FFFF"));
            assertThat(sixth.document().getElementById("sign-in-error").text()).as("each further guess waits twice as long")
                    .contains("over 60 seconden");
            clock.advance(Duration.ofSeconds(60));
            assertThat(attacker.postForm("/status", Map.of("caseNumber", credentials.caseNumber(), "secret", credentials.secret()))
                    .redirectsTo("/status/case")).as("after waiting, the right secret works from there too").isTrue();
        } finally {
            clock.reset();
        }
    }
}
