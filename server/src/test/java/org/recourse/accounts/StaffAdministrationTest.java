package org.recourse.accounts;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What an administrator does to existing accounts, and what the account holder then meets. */
@RecourseTest
class StaffAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeactivatedAccountCannotSignInAndAReactivatedOneCan() {
        TestStaff staff = new TestStaff(jdbc);
        StaffHttp admin = signedInAdmin(staff);
        TestStaff.Account analyst = staff.create(StaffRole.ANALYST);

        admin.get("/staff/admin/users/" + analyst.id());
        assertThat(admin.postForm("/staff/admin/users/" + analyst.id() + "/deactivate", Map.of()).status()).isEqualTo(302);
        assertThat(new StaffHttp(port).signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login?error")).isTrue();

        admin.get("/staff/admin/users/" + analyst.id());
        admin.postForm("/staff/admin/users/" + analyst.id() + "/activate", Map.of());
        assertThat(new StaffHttp(port).signIn(analyst).status()).isEqualTo(200);
    }

    @Test
    void afterASecondFactorResetTheHolderMustEnrolANewOne() {
        TestStaff staff = new TestStaff(jdbc);
        StaffHttp admin = signedInAdmin(staff);
        TestStaff.Account analyst = staff.create(StaffRole.ANALYST);

        admin.get("/staff/admin/users/" + analyst.id());
        admin.postForm("/staff/admin/users/" + analyst.id() + "/reset-totp", Map.of());
        assertThat(admin.get("/staff/admin/users/" + analyst.id()).document().select(".notice.success").text())
                .contains("tweede factor is gereset");

        StaffHttp holder = new StaffHttp(port);
        assertThat(holder.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login/totp/enrol")).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'staff.totp-reset' and object_id = ?")
                .param(analyst.id().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void rolesChangeAndAnAdministratorCannotDropTheirOwnAdminRole() {
        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account adminAccount = staff.create(StaffRole.ADMIN);
        StaffHttp admin = new StaffHttp(port);
        admin.signIn(adminAccount);
        TestStaff.Account member = staff.create(StaffRole.ANALYST);

        admin.get("/staff/admin/users/" + member.id());
        admin.postForm("/staff/admin/users/" + member.id(), Map.of("displayName", "Auditor now", "email", "",
                "roles", "AUDITOR", "organisation", ""));
        assertThat(jdbc.sql("select roles::text from staff_user where id = ?").param(member.id()).query(String.class).single())
                .isEqualTo("{AUDITOR}");

        admin.get("/staff/admin/users/" + adminAccount.id());
        StaffHttp.Page refused = admin.postForm("/staff/admin/users/" + adminAccount.id(), Map.of("displayName", "Me",
                "email", "", "roles", "ANALYST", "organisation", ""));
        assertThat(refused.document().select(".error-message").text()).contains("eigen beheerdersrol");
    }

    @Test
    void aLiaisonBelongsToAnOrganisationFromTheDirectory() {
        TestStaff staff = new TestStaff(jdbc);
        StaffHttp admin = signedInAdmin(staff);
        org.jsoup.nodes.Document form = admin.get("/staff/admin/users/new").document();
        assertThat(form.select("select#organisation option[value=acm]").text()).isEqualTo("Autoriteit Consument & Markt");
        assertThat(form.select("select#organisation option").eachAttr("value")).as("no platforms or hosters").doesNotContain("facebook");

        String username = "liaison-" + System.nanoTime() % 100000;
        Map<String, String> fields = new java.util.HashMap<>(Map.of("username", username, "displayName", "Liaison", "email", "",
                "roles", "LIAISON", "organisation", "Politie Nergens"));
        StaffHttp.Page refused = admin.postForm("/staff/admin/users", fields);
        assertThat(refused.document().getElementById("organisation-error").text())
                .isEqualTo("Kies een politie-eenheid, OM, toezichthouder of hulporganisatie uit het adresboek.");
        fields.put("organisation", "facebook");
        assertThat(admin.postForm("/staff/admin/users", fields).document().getElementById("organisation-error")).isNotNull();

        fields.put("organisation", "acm");
        admin.postForm("/staff/admin/users", fields);
        assertThat(jdbc.sql("select organisation from staff_user where username = ?").param(username).query(String.class).single())
                .isEqualTo("acm");
        TestStaff.Account legacy = staff.create("Politie Oost-Brabant", StaffRole.LIAISON);
        org.jsoup.nodes.Document users = admin.get("/staff/admin/users").document();
        assertThat(users.select("tr:contains(" + username + ")").text()).contains("Autoriteit Consument & Markt");
        assertThat(users.select("tr:contains(" + legacy.username() + ")").text())
                .contains("Politie Oost-Brabant (niet in het adresboek: kies de organisatie opnieuw)");
    }

    private StaffHttp signedInAdmin(TestStaff staff) {
        StaffHttp admin = new StaffHttp(port);
        admin.signIn(staff.create(StaffRole.ADMIN));
        return admin;
    }
}
