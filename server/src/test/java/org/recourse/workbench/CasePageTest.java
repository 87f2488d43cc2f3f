package org.recourse.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recourse.support.Eventually;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.AssessmentFixtures;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.intake.Cases;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One case on one page: a report made on the public form, an addition on the status page, an
 * assessment with a confirmed take-down decision and an uploaded picture all appear in their
 * sections and in one timeline, each linking to where it is worked; the page names the case by
 * number only and records one view in the audit trail. The four pages that each showed a slice of
 * a case by internal id answer 301 with the case number.
 */
@RecourseTest
class CasePageTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;
    @Autowired List<CliCommand> commands;

    private WorkbenchFixtures fixtures() {
        return new WorkbenchFixtures(port, jdbc, commands);
    }

    @Test
    void everySectionShowsItsPartOfTheCaseAndLinksToItsDetail() {
        WorkbenchFixtures fixtures = fixtures();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String url = "https://onepage-" + id + ".example/p/" + id;
        WorkbenchFixtures.Reported reported = fixtures.report(url, "Instagram", "@ex_" + id,
                "Mijn ex heeft foto's van mij gedeeld " + id);
        fixtures.addInformation(reported, "Er staat nog een kopie op een tweede account " + id);
        Eventually.await("the report is queued", () -> entryOf(reported.caseId()) != null);
        UUID entry = entryOf(reported.caseId());

        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account annaAccount = staff.create(StaffRole.ANALYST);
        TestStaff.Account bramAccount = staff.create(StaffRole.ANALYST);
        StaffHttp anna = fixtures.signedIn(annaAccount);
        anna.postForm("/staff/assessments/" + entry + "/lock", Map.of());
        Document entryPage = anna.get("/staff/assessments/" + entry).document();
        assertThat(entryPage.getElementById("reporter-words").text())
                .as("the assessment page shows what the reporter wrote and added")
                .contains("Mijn ex heeft foto's van mij gedeeld " + id, "Er staat nog een kopie op een tweede account " + id);
        assertThat(entryPage.getElementById("case-link").attr("href")).isEqualTo("/staff/cases/" + reported.caseNumber());

        AssessmentFixtures assessment = new AssessmentFixtures(port, jdbc, cases, questionSets);
        AssessmentFixtures.post(anna, "/staff/assessments/" + entry, assessment.formFields("take_down", "Onderbouwing " + id, ""));
        UUID decision = jdbc.sql("select id from assessment_decision where entry_id = ?").param(entry).query(UUID.class).single();

        StaffHttp bram = fixtures.signedIn(bramAccount);
        Element toConfirm = bram.get("/staff/decisions").document().selectFirst("tr[data-decision=" + decision + "]");
        assertThat(toConfirm.selectFirst("a.case-number").attr("href")).isEqualTo("/staff/cases/" + reported.caseNumber());
        assertThat(toConfirm.selectFirst("a.case-number").text()).isEqualTo(reported.caseNumber());
        assertThat(toConfirm.text()).as("the list of decisions to confirm shows the address").contains(url);
        bram.postForm("/staff/decisions/" + decision + "/confirm", Map.of());
        Eventually.await("take-down recorded the decision", () -> jdbc.sql("select count(*) from takedown_item where case_id = ?")
                .param(reported.caseId()).query(Long.class).single() > 0);
        upload(anna, reported.caseId());

        Document page = anna.get("/staff/cases/" + reported.caseNumber()).document();
        assertThat(page.html()).as("every message exists").doesNotContain("??");
        assertThat(page.text()).as("the case is named by number only").doesNotContain(reported.caseId().toString());
        assertThat(page.getElementById("case-number").text()).isEqualTo(reported.caseNumber());
        assertThat(page.select("nav.case-contents a").eachText())
                .containsExactly("Melding", "Beoordeling en besluiten", "Doorverwijzingen met toestemming", "Veiligheid", "Digitale veiligheid", "Bewijs", "Verwijdering", "Escalatie",
                        "Preventie", "Tijdlijn");

        assertThat(page.getElementById("reporter-description").text()).isEqualTo("Mijn ex heeft foto's van mij gedeeld " + id);
        assertThat(page.getElementById("items").text()).contains(url, "@ex_" + id);
        assertThat(page.getElementById("additions").text()).contains("Er staat nog een kopie op een tweede account " + id);

        Element entryRow = page.selectFirst("#assessment-entries tr[data-entry=" + entry + "]");
        assertThat(entryRow.selectFirst("a").attr("href")).isEqualTo("/staff/assessments/" + entry);
        assertThat(entryRow.text()).contains(url, "Illegaal (strafbaar)", "Onderbouwing " + id, "door " + annaAccount.username());
        assertThat(page.selectFirst("#assessment table.decisions tbody tr").text())
                .contains("Laten verwijderen", "Van kracht", annaAccount.username(), bramAccount.username());

        assertThat(page.select("#thumbnails figure.evidence-media.guarded img")).hasSize(1);
        String object = page.selectFirst("#evidence-objects a[href^=/staff/evidence/objects/]").attr("href");
        assertThat(page.getElementById("takedown-items").text()).contains(url);

        String timeline = page.getElementById("timeline").text();
        assertThat(timeline).contains("Melding ontvangen", "Melder voegde tekst toe",
                "Beoordeeld als illegaal (strafbaar) door " + annaAccount.username(),
                "Besloten tot laten verwijderen door " + annaAccount.username(),
                "Besluit bevestigd door " + bramAccount.username(), "Bestand toegevoegd", "Verwijdering besloten voor " + url);
        assertThat(page.select("#timeline a").eachAttr("href"))
                .contains("/staff/assessments/" + entry, object, "/staff/cases/" + reported.caseNumber() + "#report");
        List<String> times = page.select("#timeline time").eachAttr("datetime");
        assertThat(times).as("oldest first").isSortedAccordingTo(
                (a, b) -> java.time.OffsetDateTime.parse(a).compareTo(java.time.OffsetDateTime.parse(b)));

        Instant received = jdbc.sql("select received_at from intake_case where id = ?").param(reported.caseId())
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(page.selectFirst(".case-head time").text()).as("shown in the display zone")
                .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Amsterdam")).format(received));
        assertThat(page.selectFirst("footer").text()).contains("Alle tijden staan in tijdzone Europe/Amsterdam.");

        assertThat(jdbc.sql("select count(*) from audit_log where action = 'case.viewed' and object_id = ? and actor = ?")
                .params(reported.caseId().toString(), annaAccount.username()).query(Long.class).single())
                .as("one audited view").isEqualTo(1);
        Document trail = fixtures.signedIn(StaffRole.AUDITOR)
                .get("/staff/audit?objectType=case&objectId=" + reported.caseId() + "&action=case.viewed").document();
        assertThat(trail.select("td .case-number").eachText()).as("the audit trail names the case by number too")
                .isNotEmpty().allMatch(reported.caseNumber()::equals);
    }

    @Test
    void theFourOldCasePagesMovePermanentlyToTheCasePageByItsNumber() {
        WorkbenchFixtures fixtures = fixtures();
        WorkbenchFixtures.Reported reported = fixtures.report("https://moved-" + UUID.randomUUID() + ".example/", null, null, null);
        StaffHttp analyst = fixtures.signedIn(StaffRole.ANALYST);
        String page = "/staff/cases/" + reported.caseNumber();
        Map<String, String> moved = Map.of(
                "/staff/intake/cases/", page,
                "/staff/assessments/cases/", page + "#assessment",
                "/staff/evidence/cases/", page + "#evidence",
                "/staff/takedown/cases/", page + "#takedown");
        moved.forEach((old, target) -> {
            StaffHttp.Page answer = analyst.get(old + reported.caseId());
            assertThat(answer.status()).as(old).isEqualTo(301);
            assertThat(answer.location()).as(old).isEqualTo(target);
            assertThat(analyst.get(old + UUID.randomUUID()).status()).as(old + " of no case").isEqualTo(404);
        });

        StaffHttp.Page typed = analyst.get("/staff/cases/" + reported.caseNumber().toLowerCase().replace("-", ""));
        assertThat(typed.status()).isEqualTo(302);
        assertThat(typed.location()).endsWith(page);
        StaffHttp.Page unknown = analyst.get("/staff/cases/RC-0000-0000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.document().selectFirst("h1").text()).isEqualTo("Pagina niet gevonden");
        assertThat(analyst.get("/staff/cases/%3Cscript%3E").status()).isEqualTo(404);
    }

    @Test
    void anAnalystLinksTheCaseToAnotherByNumberAndIsToldWhenThereIsNone() {
        WorkbenchFixtures fixtures = fixtures();
        WorkbenchFixtures.Reported first = fixtures.report("https://link-a-" + UUID.randomUUID() + ".example/", null, null, null);
        WorkbenchFixtures.Reported second = fixtures.report("https://link-b-" + UUID.randomUUID() + ".example/", null, null, null);
        StaffHttp analyst = fixtures.signedIn(StaffRole.ANALYST);
        String page = "/staff/cases/" + first.caseNumber();
        analyst.get(page);

        StaffHttp.Page refused = analyst.postForm(page + "/links", Map.of("linkTo", "RC-0000-0000"));
        assertThat(refused.location()).isEqualTo(page + "#report");
        Document withError = analyst.get(page).document();
        assertThat(withError.getElementById("link-error").text()).isEqualTo("Er bestaat geen (andere) zaak met dit nummer.");
        assertThat(withError.getElementById("link-number").attr("aria-describedby")).isEqualTo("link-error");

        analyst.postForm(page + "/links", Map.of("linkTo", second.caseNumber().toLowerCase()));
        Document linked = analyst.get(page).document();
        assertThat(linked.getElementById("links").select("a[href=/staff/cases/" + second.caseNumber() + "]")).hasSize(1);
        assertThat(linked.getElementById("links").text()).contains("door medewerker");
        assertThat(linked.getElementById("link-error")).isNull();
        assertThat(analyst.get("/staff/cases/" + second.caseNumber()).document().getElementById("links").text())
                .contains(first.caseNumber());
    }

    private UUID entryOf(UUID caseId) {
        return jdbc.sql("""
                        select e.id from assessment_entry e join reported_item i on i.id = e.item_id
                        where e.case_id = ? and i.url_normalised is not null""")
                .param(caseId).query(UUID.class).optional().orElse(null);
    }

    /** As the case page's script does: the file is the request body, the CSRF token a header. */
    private static void upload(StaffHttp http, UUID caseId) {
        http.get("/staff");
        StaffHttp.Page stored = http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/staff/evidence/cases/" + caseId + "/files"))
                .header("Content-Type", "image/png").header("X-Filename", "photo.png").header("X-CSRF-TOKEN", http.csrfToken())
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(PNG)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }
}
