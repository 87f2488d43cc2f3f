package org.recourse.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The digital-safety check: an analyst goes through the signals on the case page and sees the
 * advice for those present; the digital risk summary is exported only with the victim's consent,
 * as JSON that validates against {@code docs/schemas/digital-risk-summary.v1.json} and as PDF;
 * the victim does the check on her status page; coordinators publish new versions of the texts,
 * and an earlier check keeps the text it was answered with. Bad answers are refused per question.
 */
@RecourseTest
class DigitalSafetyCheckTest {

    private static final Path SCHEMA = Path.of("..", "docs", "schemas", "digital-risk-summary.v1.json");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cases cases;

    record Reported(String caseNumber, String secret) {
    }

    private Reported report() {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "sextortion")
                .and("urls", "https://safety-check.example/" + UUID.randomUUID()).post(http, "/report");
        return new Reported(page.document().getElementById("case-number").text(), page.document().getElementById("secret").text());
    }

    private StaffHttp staff(StaffRole role) {
        StaffHttp http = new StaffHttp(port);
        http.signIn(new TestStaff(jdbc).create(role));
        http.get("/staff?lang=en");
        return http;
    }

    private static List<String> violations(String json) throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Schema schema = registry.getSchema(Files.readString(SCHEMA));
        return schema.validate(json, com.networknt.schema.InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @Test
    void anAnalystsCheckGivesAdviceAndASummaryThatIsSharedOnlyWithConsentAndValidates() throws Exception {
        Reported reported = report();
        StaffHttp analyst = staff(StaffRole.ANALYST);
        Document page = analyst.get("/staff/cases/" + reported.caseNumber()).document();
        assertThat(page.select("#staff-form fieldset")).hasSize(9);
        assertThat(page.getElementById("summary-form")).as("nothing to share before a check").isNull();

        // Bad answers, each refused at its own question; nothing is stored.
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("answer-tracker", "maybe");
        bad.put("answer-doxing", "yes");
        bad.put("since-doxing", LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(3).toString());
        bad.put("since-hacked_account", "2026-01-01");
        bad.put("answer-images_held", "yes");
        bad.put("since-images_held", "01-02-2026");
        analyst.postForm("/staff/cases/" + reported.caseNumber() + "/safety-checks", bad);
        page = analyst.get("/staff/cases/" + reported.caseNumber()).document();
        assertThat(page.getElementById("staff-tracker-error").text()).contains("Choose yes, no or not sure");
        assertThat(page.getElementById("staff-doxing-error").text()).contains("in the future");
        assertThat(page.getElementById("staff-hacked_account-error").text()).contains("Choose an answer to this question first");
        assertThat(page.getElementById("staff-images_held-error").text()).contains("valid date");
        analyst.postForm("/staff/cases/" + reported.caseNumber() + "/safety-checks", Map.of());
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("staff-check-error").text())
                .contains("Answer at least one question");
        UUID caseId = cases.findByNumber(reported.caseNumber()).orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from referral_safety_check where case_id = ?").param(caseId).query(Long.class).single()).isZero();

        analyst.postForm("/staff/cases/" + reported.caseNumber() + "/safety-checks", Map.of("answer-location_sharing", "yes",
                "since-location_sharing", "2026-10-01", "answer-stalkerware", "unsure", "answer-doxing", "no"));
        page = analyst.get("/staff/cases/" + reported.caseNumber()).document();
        String advice = page.getElementById("staff-advice").text();
        assertThat(advice).contains("Your location is shared", "Turn off location sharing", "since 2026-10-01", "Stalkerware or spyware")
                .doesNotContain("Your address, workplace or school");
        assertThat(page.getElementById("timeline").text()).contains("Digital-safety check done");

        // Without consent, or to someone who is not a help organisation or the police: nothing.
        HttpResponse<byte[]> refused = analyst.postForBytes("/staff/cases/" + reported.caseNumber() + "/digital-risk-summary",
                Map.of("format", "json", "organisation", "veilig-thuis", "consentHow", ""));
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("summary-error").text())
                .contains("without consent nothing is shared");
        analyst.postForBytes("/staff/cases/" + reported.caseNumber() + "/digital-risk-summary",
                Map.of("format", "json", "organisation", "meta", "consentHow", "phone"));
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("summary-error").text())
                .contains("help organisation or the police");

        HttpResponse<byte[]> json = analyst.postForBytes("/staff/cases/" + reported.caseNumber() + "/digital-risk-summary",
                Map.of("format", "json", "organisation", "veilig-thuis", "consentHow", "phone"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).contains("digital-risk-summary-" + reported.caseNumber() + ".json");
        String document = new String(json.body(), StandardCharsets.UTF_8);
        assertThat(violations(document)).as("against docs/schemas/digital-risk-summary.v1.json").isEmpty();
        JsonNode summary = JsonMapper.builder().build().readTree(document);
        assertThat(summary.path("caseReference").asString()).isEqualTo(reported.caseNumber());
        assertThat(summary.path("consent").path("sharedWith").path("key").asString()).isEqualTo("veilig-thuis");
        assertThat(summary.path("signals").toString()).contains("\"location_sharing\"", "\"2026-10-01\"", "\"stalkerware\"", "\"unsure\"");
        assertThat(summary.path("absent").toString()).isEqualTo("[\"doxing\"]");
        assertThat(summary.path("notAsked")).hasSize(6);
        assertThat(document).doesNotContain("safety-check.example");

        HttpResponse<byte[]> pdf = analyst.postForBytes("/staff/cases/" + reported.caseNumber() + "/digital-risk-summary",
                Map.of("format", "pdf", "organisation", "veilig-thuis", "consentHow", "phone"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var pdfDocument = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(pdfDocument)).contains(reported.caseNumber(), "Veilig Thuis", "Your location is shared",
                    "2026-10-01", "Contains no images");
        }
        assertThat(jdbc.sql("select count(*) from referral_safety_export where case_id = ?").param(caseId).query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'safety-summary.exported' and object_id = ?")
                .param(caseId.toString()).query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void theVictimChecksOnHerStatusPageAndANewVersionOfTheTextsLeavesHerEarlierAdviceAlone() throws Exception {
        Reported reported = report();
        StaffHttp victim = new StaffHttp(port);
        victim.get("/status?lang=en");
        assertThat(victim.postForm("/status", Map.of("caseNumber", reported.caseNumber(), "secret", reported.secret())).redirectsTo("/status/case"))
                .isTrue();
        Document page = victim.get("/status/case").document();
        assertThat(page.getElementById("digital-safety-heading").text()).isEqualTo("Your digital safety");
        assertThat(page.select("#reporter-form fieldset")).hasSize(9);
        victim.postForm("/status/case/safety-check", Map.of("answer-threat_to_spread", "yes", "answer-tracker", "maybe"));
        assertThat(victim.get("/status/case").document().getElementById("reporter-tracker-error").text()).contains("Choose yes, no or not sure");
        victim.postForm("/status/case/safety-check", Map.of("answer-threat_to_spread", "yes"));
        page = victim.get("/status/case").document();
        assertThat(page.getElementById("status-message").text()).contains("The answers are saved");
        String before = page.getElementById("reporter-advice").text();
        assertThat(before).contains("Do not give in to demands");

        // A coordinator rewrites the advice on threats: a new version; her earlier advice stays as she read it.
        StaffHttp coordinator = staff(StaffRole.COORDINATOR);
        Document editor = coordinator.get("/staff/safety-texts").document();
        int version = jdbc.sql("select max(version) from referral_safety_text").query(Integer.class).single();
        assertThat(editor.getElementById("texts-version").text()).contains("Version " + version);
        Map<String, String> fields = new HashMap<>();
        for (var area : editor.select("#texts-form textarea")) {
            fields.put(area.attr("name"), area.text());
        }
        fields.put("en-threat_to_spread-advice", "");
        coordinator.postForm("/staff/safety-texts", fields);
        Document refusedEdit = coordinator.get("/staff/safety-texts").document();
        assertThat(refusedEdit.getElementById("en-threat_to_spread-error").text()).contains("Enter the question and the advice");
        assertThat(jdbc.sql("select max(version) from referral_safety_text").query(Integer.class).single()).isEqualTo(version);
        fields.put("en-threat_to_spread-advice", "New advice: keep every message and call us.");
        coordinator.postForm("/staff/safety-texts", fields);
        assertThat(coordinator.get("/staff/safety-texts").document().getElementById("texts-version").text()).contains("Version " + (version + 1));

        assertThat(victim.get("/status/case").document().getElementById("reporter-advice").text()).isEqualTo(before);
        victim.postForm("/status/case/safety-check", Map.of("answer-threat_to_spread", "yes"));
        assertThat(victim.get("/status/case").document().getElementById("reporter-advice").text())
                .contains("New advice: keep every message and call us.");
        assertThat(staff(StaffRole.ANALYST).get("/staff/safety-texts").status()).as("analysts do not edit the texts").isEqualTo(403);

        // She withdraws her report: her answers go with it (and a protection order recorded on it).
        UUID caseId = cases.findByNumber(reported.caseNumber()).orElseThrow().id();
        StaffHttp analyst = staff(StaffRole.ANALYST);
        analyst.get("/staff/cases/" + reported.caseNumber());
        analyst.postForm("/staff/cases/" + reported.caseNumber() + "/protection-orders", Map.of("kind", "contact_ban",
                "startsOn", "2026-01-01", "accounts", "withdrawn_" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(jdbc.sql("select count(*) from referral_protection_order where case_id = ?").param(caseId).query(Long.class).single()).isEqualTo(1L);
        victim.get("/status/case/withdraw");
        victim.postForm("/status/case/withdraw", Map.of());
        org.recourse.support.Eventually.await("her safety data is removed", java.time.Duration.ofSeconds(20), () ->
                jdbc.sql("select (select count(*) from referral_safety_check where case_id = ?) + "
                        + "(select count(*) from referral_protection_order where case_id = ?)").params(caseId, caseId).query(Long.class).single() == 0L);
    }
}
