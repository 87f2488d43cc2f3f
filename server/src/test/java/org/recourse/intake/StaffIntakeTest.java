package org.recourse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Analysts record phone, chat and e-mail reports, see duplicate URLs linked and link cases themselves. */
@RecourseTest
class StaffIntakeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private StaffHttp signedIn(StaffRole role) {
        StaffHttp http = new StaffHttp(port);
        http.signIn(new TestStaff(jdbc).create(role));
        return http;
    }

    private String submitPublic(String url) {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        return Forms.with("reporterType", "self").and("forms", "doxing").and("urls", url).post(http, "/melden")
                .document().getElementById("case-number").text();
    }

    @Test
    void aDuplicateUrlIsLinkedToTheOpenCaseAndTheAnalystSeesIt() {
        String id = UUID.randomUUID().toString();
        String first = submitPublic("https://dup.example/" + id + "/photo");
        String second = submitPublic("HTTPS://DUP.Example:443/" + id + "/photo?utm_campaign=share#top");

        UUID firstId = jdbc.sql("select id from intake_case where case_number = ?").param(first).query(UUID.class).single();
        UUID secondId = jdbc.sql("select id from intake_case where case_number = ?").param(second).query(UUID.class).single();
        assertThat(jdbc.sql("select linked_case_id from reported_item where case_id = ?").param(secondId)
                .query(UUID.class).single()).isEqualTo(firstId);
        assertThat(jdbc.sql("select count(*) from case_link where case_id = ? and linked_case_id = ? and reason = 'same_url'")
                .params(secondId, firstId).query(Integer.class).single()).isEqualTo(1);

        StaffHttp analyst = signedIn(StaffRole.ANALYST);
        StaffHttp.Page moved = analyst.get("/staff/intake/cases/" + secondId);
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.location()).isEqualTo("/staff/cases/" + second);
        Document page = analyst.get(moved.location()).document();
        assertThat(page.html()).doesNotContain("??");
        assertThat(page.getElementById("items").text()).contains("Deze URL is ook gemeld in " + first);
        assertThat(page.getElementById("links").text()).contains(first).contains("zelfde URL");
        assertThat(page.text()).contains("Persoonsgegevens verspreid om te intimideren (doxing)");
        assertThat(analyst.get("/staff/cases/" + first).document().getElementById("links").text()).contains(second);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'case.viewed' and object_id = ?")
                .param(secondId.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anAnalystRecordsAPhoneReportAndLinksItToAnExistingCase() {
        String existing = submitPublic("https://phone.example/" + UUID.randomUUID());
        StaffHttp analyst = signedIn(StaffRole.ANALYST);
        Document form = analyst.get("/staff/intake/new").document();
        assertThat(form.select("input[name=channel]")).hasSize(3);

        StaffHttp.Page missingChannel = Forms.with("reporterType", "self").and("forms", "cyberstalking")
                .and("notOnline", "true").post(analyst, "/staff/intake/new");
        assertThat(missingChannel.status()).isEqualTo(422);

        StaffHttp.Page recorded = Forms.with("channel", "phone").and("linkTo", existing.toLowerCase())
                .and("reporterType", "self").and("forms", "cyberstalking").and("notOnline", "true")
                .and("description", "Belde na schooltijd").post(analyst, "/staff/intake/new");
        assertThat(recorded.status()).isEqualTo(200);
        String number = recorded.document().getElementById("case-number").text();
        assertThat(recorded.document().getElementById("secret").text()).isNotBlank();

        Map<String, Object> row = jdbc.sql("select * from intake_case where case_number = ?").param(number).query().singleRow();
        assertThat(row).containsEntry("channel", "phone").containsEntry("description", "Belde na schooltijd");
        Document page = analyst.get("/staff/cases/" + number).document();
        assertThat(page.getElementById("links").text()).contains(existing).contains("door medewerker");
        assertThat(page.text()).contains("Telefoon");

        String day = ((java.sql.Timestamp) row.get("received_at")).toInstant()
                .atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate().toString();
        assertThat(analyst.get("/staff/intake?channel=phone&from=" + day + "&to=" + day).document().text()).contains(number);
        assertThat(signedIn(StaffRole.LIAISON).get("/staff/intake").status()).isEqualTo(403);
    }

    @Test
    void anAdministratorCreatesAndRevokesAPartnerKeyThatIsShownOnce() {
        StaffHttp admin = signedIn(StaffRole.ADMIN);
        admin.get("/staff/admin/api-keys");
        String organisation = "Helpline " + UUID.randomUUID();
        Document created = Forms.with("organisation", organisation).and("scopes", "reports:submit")
                .post(admin, "/staff/admin/api-keys").document();
        String key = created.getElementById("new-key").text();
        assertThat(key).startsWith("rk_").hasSize(43);
        assertThat(jdbc.sql("select count(*) from api_key where key_hash like ?").param("%" + key + "%")
                .query(Integer.class).single()).isZero();

        Document list = admin.get("/staff/admin/api-keys").document();
        assertThat(list.getElementById("new-key")).isNull();
        assertThat(list.text()).contains(organisation).doesNotContain(key);
        UUID id = jdbc.sql("select id from api_key where organisation = ?").param(organisation).query(UUID.class).single();
        StaffHttp.Page revoked = admin.postForm("/staff/admin/api-keys/" + id + "/revoke", Map.of());
        assertThat(revoked.redirectsTo("/staff/admin/api-keys")).isTrue();
        assertThat(jdbc.sql("select revoked_by from api_key where id = ?").param(id).query(String.class).single()).isNotNull();
    }
}
