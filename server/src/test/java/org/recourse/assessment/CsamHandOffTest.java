package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.internal.assessing.Decisions;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault;
import org.recourse.intake.Cases;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a confirmed CSAM hand-off, no analyst or coordinator can view, reveal, download or
 * package the case's media any more, over the real evidence pages; the hand-off is on the case.
 */
@RecourseTest
class CsamHandOffTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 9, 9};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;
    @Autowired Decisions decisions;
    @Autowired EvidenceVault vault;
    @Autowired AuditTrail audit;

    @Test
    void afterTheHandOffTheMediaCannotBeViewedOrExportedByAnyAnalyst() {
        AssessmentFixtures fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
        TestStaff staff = new TestStaff(jdbc);
        AssessmentFixtures.Reported reported = fixtures.report("child_sexual_abuse_material", AssessmentFixtures.url("csam"));
        UUID caseId = reported.caseId();
        StaffHttp anna = signedIn(staff, StaffRole.ANALYST);
        String object = upload(anna, caseId);
        anna.postForm("/staff/evidence/cases/" + caseId + "/packages", Map.of("recipient", ""));
        String casePath = "/staff/cases/" + reported.caseNumber();
        String packageId = anna.get(casePath).document()
                .select("a[href^=/staff/evidence/packages/]").attr("href").replaceAll(".*/packages/([^/]+)/download", "$1");
        assertThat(anna.get("/staff/evidence/objects/" + object + "/content").status()).isEqualTo(200);
        assertThat(anna.get("/staff/evidence/packages/" + packageId + "/download").status()).isEqualTo(200);

        UUID entry = reported.entry();
        anna.postForm("/staff/assessments/" + entry + "/lock", Map.of());
        anna.get("/staff/assessments/" + entry);
        Map<String, List<String>> form = fixtures.formFields("csam", "Seksueel misbruikmateriaal van een minderjarige", "");
        form.put("form", List.of("child_sexual_abuse_material"));
        form.put("ground", List.of("sr-240b"));
        AssessmentFixtures.post(anna, "/staff/assessments/" + entry, form);
        UUID decision = decisions.forEntry(entry).getFirst().id();
        assertThat(vault.isSealed(caseId)).as("no effect before confirmation").isFalse();
        assertThat(anna.get("/staff/evidence/objects/" + object + "/content").status()).isEqualTo(200);

        StaffHttp bram = signedIn(staff, StaffRole.ANALYST);
        bram.get("/staff/decisions");
        bram.postForm("/staff/decisions/" + decision + "/confirm", Map.of());
        assertThat(vault.isSealed(caseId)).isTrue();

        StaffHttp coordinator = signedIn(staff, StaffRole.COORDINATOR);
        for (StaffHttp analyst : List.of(anna, bram, coordinator)) {
            assertThat(analyst.get("/staff/evidence/objects/" + object + "/content").status()).isEqualTo(403);
            assertThat(analyst.get("/staff/evidence/objects/" + object + "/download").status()).isEqualTo(403);
            assertThat(analyst.get("/staff/evidence/packages/" + packageId + "/download").status()).isEqualTo(403);
            Document objectPage = analyst.get("/staff/evidence/objects/" + object).document();
            assertThat(objectPage.select("#sealed")).hasSize(1);
            assertThat(objectPage.select("figure.evidence-media, a[href$=/download]")).isEmpty();
            Document casePage = analyst.get(casePath).document();
            assertThat(casePage.select("#sealed")).hasSize(1);
            assertThat(casePage.select("#thumbnails img")).isEmpty();
            assertThat(casePage.select("form[action$=/packages]")).isEmpty();
            assertThat(analyst.postForm("/staff/evidence/cases/" + caseId + "/packages", Map.of("recipient", "")).status())
                    .isEqualTo(403);
            assertThat(analyst.postForm("/staff/evidence/objects/" + object + "/reveal", Map.of()).status()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from evidence_package where case_id = ?").param(caseId).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(audit.entriesFor("case", caseId.toString())).extracting(AuditEntry::action).contains("evidence.sealed");

        StaffHttp.Page moved = anna.get("/staff/assessments/cases/" + caseId);
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.location()).isEqualTo(casePath + "#assessment");
        Document handOff = anna.get(casePath).document();
        assertThat(handOff.select("#referrals td:nth-child(2)").eachText())
                .containsExactlyInAnyOrder("Meldpunt Kinderporno", "Politie",
                        "Autoriteit online Terroristisch en Kinderpornografisch Materiaal");
    }

    private StaffHttp signedIn(TestStaff staff, StaffRole role) {
        StaffHttp http = new StaffHttp(port);
        http.signIn(staff.create(role));
        return http;
    }

    /** As the evidence page's script does: the file is the request body, the CSRF token a header. */
    private static String upload(StaffHttp http, UUID caseId) {
        http.get("/staff");
        StaffHttp.Page stored = http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/staff/evidence/cases/" + caseId + "/files"))
                .header("Content-Type", "image/png").header("X-Filename", "photo.png").header("X-CSRF-TOKEN", http.csrfToken())
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PNG)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.body().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
    }
}
