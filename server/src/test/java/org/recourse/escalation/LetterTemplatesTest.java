package org.recourse.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;

/**
 * A coordinator edits the enforcement-request letter for one authority with a preview on made-up
 * data; a template without the legal basis, the facts or the contact is refused and nothing is
 * saved; new requests to that authority use the saved text; analysts cannot edit templates.
 */
class LetterTemplatesTest extends EscalationIntegrationTest {

    StaffHttp signedIn(TestStaff.Account account) {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        http.signIn(account);
        return http;
    }

    @Test
    void aCoordinatorsTemplateForOneAuthorityIsPreviewedCheckedSavedAndUsed() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = disputedRefusal(site);
            String authority = recipient("Template Regulator", false, "letters@regulator.test", null, null, "en");
            jdbc.sql("update directory_organisation set kind = 'regulator' where key = ?").param(authority).update();
            TestStaff staff = new TestStaff(jdbc);
            StaffHttp coordinator = signedIn(staff.create(StaffRole.COORDINATOR));
            StaffHttp analyst = signedIn(staff.create(StaffRole.ANALYST));

            assertThat(analyst.get("/staff/escalation/templates").status()).isEqualTo(403);
            assertThat(coordinator.get("/staff/escalation/templates/edit?authority=no-such-key&language=nl").status()).isEqualTo(404);
            assertThat(coordinator.get("/staff/escalation/templates/edit?authority=&language=fr").status()).isEqualTo(404);

            Document edit = coordinator.get("/staff/escalation/templates/edit?authority=" + authority + "&language=en").document();
            String body = edit.getElementById("body").text();
            assertThat(body).as("starts from the default").contains("{{facts}}", "{{basis}}", "{{contact}}");

            Document refused = coordinator.postForm("/staff/escalation/templates/edit", Map.of("authority", authority, "language", "en",
                    "subject", "Request {{reference}}", "body", "Please act. {{basis}} {{contact}}", "action", "save")).document();
            assertThat(refused.getElementById("body-error").text()).contains("{{facts}}");
            assertThat(jdbc.sql("select count(*) from escalation_template where authority_key = ?").param(authority)
                    .query(Long.class).single()).as("nothing saved").isZero();
            Document noReference = coordinator.postForm("/staff/escalation/templates/edit", Map.of("authority", authority,
                    "language", "en", "subject", "Request", "body", body, "action", "preview")).document();
            assertThat(noReference.getElementById("subject-error").text()).contains("{{reference}}");

            String custom = "Dear colleagues at {{authority}},\n\nAs agreed in our covenant of 2026, we report:\n{{facts}}\n\n"
                    + "{{basis}}\n\n<script>alert(1)</script> {{contact}}\n";
            Document preview = coordinator.postForm("/staff/escalation/templates/edit", Map.of("authority", authority, "language", "en",
                    "subject", "Covenant request {{reference}} about {{platform}}", "body", custom, "action", "preview")).document();
            assertThat(preview.getElementById("letter-subject").text()).isEqualTo("Covenant request ER-PREVIEW0 about Example platform");
            assertThat(preview.getElementById("letter-body").text()).contains("Dear colleagues at Template Regulator",
                    "As agreed in our covenant", "https://platform.example/p/123", "<script>alert(1)</script>");
            assertThat(preview.select("#preview script")).isEmpty();

            assertThat(coordinator.postForm("/staff/escalation/templates/edit", Map.of("authority", authority, "language", "en",
                    "subject", "Covenant request {{reference}} about {{platform}}", "body", custom, "action", "save")).location())
                    .endsWith("/staff/escalation/templates");
            assertThat(coordinator.get("/staff/escalation/templates").document().select("#templates tr:contains(" + authority + ")").text())
                    .contains("Covenant request");

            String path = analyst.postForm("/staff/escalation/requests", Map.of("platform", disputed.platform(), "authority", authority,
                    "item", disputed.item().id().toString(), "language", "en")).location();
            path = path.substring(path.indexOf("/staff/"));
            Document request = analyst.get(path).document();
            assertThat(request.getElementById("letter-subject").text()).startsWith("Covenant request ER-");
            assertThat(request.getElementById("letter-body").text()).contains("As agreed in our covenant", disputed.item().url());
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'escalation.template-saved' and object_id = ?")
                    .param(authority + "/en").query(Long.class).single()).isEqualTo(1);
        }
    }
}
