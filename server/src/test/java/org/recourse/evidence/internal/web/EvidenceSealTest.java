package org.recourse.evidence.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault;
import org.recourse.support.TestCases;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sealed case's evidence is closed to staff on every path (content, download, reveal, new and
 * existing packages), while a package already made available to a police unit stays available
 * to its liaison; sealing is audited once.
 */
@RecourseTest
class EvidenceSealTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 4, 5, 6};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired EvidenceVault vault;
    @Autowired AuditTrail audit;

    @Test
    void aSealedCaseCannotBeViewedOrExportedByStaffButItsHandedOverPackageStaysWithThePolice() {
        String unit = "Team Zeden " + UUID.randomUUID();
        TestStaff staff = new TestStaff(jdbc);
        VaultHttp analyst = new VaultHttp(port).signIn(staff.create(StaffRole.ANALYST));
        VaultHttp liaison = new VaultHttp(port).signIn(staff.create(unit, StaffRole.LIAISON));
        TestCases.Created kase = new TestCases(jdbc).create();
        UUID caseId = kase.id();
        analyst.get("/staff");
        String object = analyst.put("/staff/evidence/cases/" + caseId + "/files", "image/png", "a.png",
                HttpRequest.BodyPublishers.ofByteArray(PNG)).text().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
        analyst.form("/staff/evidence/cases/" + caseId + "/packages", Map.of("recipient", unit));
        String staffLink = analyst.get("/staff/cases/" + kase.caseNumber()).document()
                .select("a[href^=/staff/evidence/packages/]").attr("href");
        String liaisonLink = liaison.get("/liaison/evidence").document()
                .select("a[href^=/liaison/evidence/packages/]").attr("href");

        AuditActor.runAs("test:seal", () -> vault.seal(caseId, "handed off"));
        AuditActor.runAs("test:seal", () -> vault.seal(caseId, "handed off again"));

        assertThat(vault.isSealed(caseId)).isTrue();
        assertThat(vault.isSealed(UUID.randomUUID())).isFalse();
        assertThat(analyst.get("/staff/evidence/objects/" + object + "/content").status()).isEqualTo(403);
        assertThat(analyst.get("/staff/evidence/objects/" + object + "/download").status()).isEqualTo(403);
        assertThat(analyst.form("/staff/evidence/objects/" + object + "/reveal", Map.of()).status()).isEqualTo(403);
        assertThat(analyst.get(staffLink).status()).isEqualTo(403);
        assertThat(analyst.form("/staff/evidence/cases/" + caseId + "/packages", Map.of("recipient", "")).status())
                .isEqualTo(403);
        assertThat(analyst.get("/staff/evidence/objects/" + object).document().select("#sealed")).hasSize(1);
        Document casePage = analyst.get("/staff/cases/" + kase.caseNumber()).document();
        assertThat(casePage.select("#evidence #sealed")).hasSize(1);
        assertThat(casePage.select("#thumbnails img")).as("no thumbnails of a sealed case").isEmpty();
        assertThat(liaison.get(liaisonLink).status()).isEqualTo(200);
        assertThat(audit.entriesFor("case", caseId.toString())).extracting(AuditEntry::action)
                .containsOnlyOnce("evidence.sealed");
    }
}
