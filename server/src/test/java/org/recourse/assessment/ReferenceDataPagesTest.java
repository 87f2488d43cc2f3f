package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.internal.grounds.LegalGrounds;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.TaxonomyEditor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Coordinators keep the legal grounds and forms of violence analysts choose from; nothing is ever deleted. */
@RecourseTest
class ReferenceDataPagesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired LegalGrounds grounds;
    @Autowired TaxonomyEditor taxonomyEditor;
    @Autowired Taxonomy taxonomy;
    @Autowired AuditTrail audit;

    @Test
    void theSeededGroundsAreThereAndACoordinatorAddsEditsAndRetiresOne() {
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        Document page = coordinator.get("/staff/legal-grounds").document();
        assertThat(page.select(".card legend span").eachText()).contains("art. 139h Sr", "art. 240b Sr", "art. 285d Sr",
                "art. 125p Sv", "art. 126na Sv", "art. 9 AVG", "art. 17 AVG", "art. 16 DSA", "art. 18 DSA", "art. 22 DSA",
                "art. 23 DSA", "Mediawet 2008", "Richtlijn (EU) 2024/1385", "portretrecht (art. 21 Auteurswet)");

        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Document invalid = coordinator.postForm("/staff/legal-grounds", Map.of("code", code, "citation", "",
                "labelNl", "uitleg", "labelEn", "explanation", "law", "Sr")).document();
        assertThat(invalid.select("#citation-new-error").text()).isEqualTo("Vul dit veld in (ten hoogste 500 tekens).");
        assertThat(invalid.select("#citation-new").attr("aria-describedby")).isEqualTo("citation-new-error");

        coordinator.postForm("/staff/legal-grounds", Map.of("code", code, "citation", "art. 999 Sr",
                "labelNl", "proef", "labelEn", "trial", "law", "Sr", "sortOrder", "900"));
        assertThat(grounds.find(code)).hasValueSatisfying(g -> assertThat(g.active()).isTrue());
        coordinator.get("/staff/legal-grounds");
        coordinator.postForm("/staff/legal-grounds/" + code, Map.of("citation", "art. 999a Sr", "labelNl", "proef",
                "labelEn", "trial", "law", "Sr", "sortOrder", "900"));
        assertThat(grounds.find(code)).hasValueSatisfying(g -> {
            assertThat(g.citation()).isEqualTo("art. 999a Sr");
            assertThat(g.active()).isFalse();
        });
        assertThat(grounds.active()).noneMatch(g -> g.code().equals(code));
        assertThat(audit.entriesFor("legal_ground", code)).extracting(AuditEntry::action)
                .containsExactly("legal_ground.added", "legal_ground.updated");
        assertThat(coordinator.postForm("/staff/legal-grounds/no-such-ground", Map.of("citation", "x", "labelNl", "x",
                "labelEn", "x", "law", "x")).status()).isEqualTo(404);
    }

    @Test
    void anAdminAddsAFormOfViolenceAndRetiresIt() {
        StaffHttp admin = new StaffHttp(port);
        admin.signIn(new TestStaff(jdbc).create(StaffRole.ADMIN));
        String code = "ai_voice_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        admin.get("/staff/forms-of-violence");
        Document invalid = admin.postForm("/staff/forms-of-violence", Map.of("code", "Bad Code", "group", "image_based",
                "labelNl", "", "labelEn", "x", "helpNl", "x", "helpEn", "x")).document();
        assertThat(invalid.select("#code-error").text()).startsWith("Gebruik 2 tot 61 kleine letters");
        assertThat(invalid.select("#labelNl-error")).hasSize(1);

        admin.postForm("/staff/forms-of-violence", Map.of("code", code, "group", "image_based",
                "labelNl", "Nagemaakte stem (AI)", "labelEn", "Cloned voice (AI)", "helpNl", "Een stem nagemaakt met AI.",
                "helpEn", "A voice cloned with AI.", "sortOrder", "60"));
        assertThat(taxonomyEditor.all()).anyMatch(f -> f.code().equals(code) && f.labelEn().equals("Cloned voice (AI)"));
        assertThat(taxonomy.find(code)).isPresent();
        assertThat(taxonomyEditor.retired()).doesNotContain(code);

        admin.get("/staff/forms-of-violence");
        admin.postForm("/staff/forms-of-violence/" + code + "/active", Map.of("active", "false"));
        assertThat(taxonomyEditor.retired()).contains(code);
        assertThat(admin.get("/staff/forms-of-violence").document().select("#toggle-" + code).text())
                .isEqualTo("Weer in gebruik nemen: Nagemaakte stem (AI)");
        assertThat(audit.entriesFor("violence_form", code)).extracting(AuditEntry::action)
                .containsExactly("violence_form.added", "violence_form.retired");
        assertThat(admin.postForm("/staff/forms-of-violence/nosuchform/active", Map.of("active", "false")).status()).isEqualTo(404);
    }
}
