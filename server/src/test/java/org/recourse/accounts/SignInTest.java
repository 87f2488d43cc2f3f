package org.recourse.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.internal.Totp;
import org.recourse.support.MutableClock;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in over real HTTP: both factors, lock-out, enrolment, one-time passwords. */
@RecourseTest
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void bothFactorsLeadToTheDashboard() {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp http = new StaffHttp(port);

        StaffHttp.Page dashboard = http.signIn(analyst);

        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.document().select("h1").text()).contains(analyst.username());
    }

    @Test
    void thePasswordAloneOpensNothing() {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp http = new StaffHttp(port);

        StaffHttp.Page afterPassword = http.signInWithPassword(analyst.username(), analyst.password());

        assertThat(afterPassword.redirectsTo("/login/totp")).isTrue();
        assertThat(http.get("/staff").redirectsTo("/login/totp")).isTrue();
        assertThat(http.get("/staff/audit").redirectsTo("/login/totp")).isTrue();
    }

    @Test
    void aWrongCodeIsRefusedAndAUsedCodeCannotBeReplayed() {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp http = new StaffHttp(port);
        http.signInWithPassword(analyst.username(), analyst.password());
        http.get("/login/totp");

        StaffHttp.Page wrong = http.postForm("/login/totp", Map.of("code", "000000".equals(current(analyst)) ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.document().select("#code-error").text()).contains("klopt niet");

        String code = current(analyst);
        assertThat(http.postForm("/login/totp", Map.of("code", code)).redirectsTo("/staff")).isTrue();

        StaffHttp replay = new StaffHttp(port);
        replay.signInWithPassword(analyst.username(), analyst.password());
        replay.get("/login/totp");
        assertThat(replay.postForm("/login/totp", Map.of("code", code)).status()).isEqualTo(200);
        assertThat(replay.get("/staff").redirectsTo("/login/totp")).isTrue();
    }

    @Test
    void everyFailedSignInGetsTheSameAnswerSoNamesCannotBeTold() {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp http = new StaffHttp(port, "127.0.0.6");
        for (int i = 1; i <= 5; i++) {
            assertThat(http.signInWithPassword(analyst.username(), "wrong password " + i).redirectsTo("/login?error")).isTrue();
        }
        StaffHttp.Page rightButLocked = http.signInWithPassword(analyst.username(), analyst.password());
        StaffHttp.Page unknown = http.signInWithPassword("nobody-" + UUID.randomUUID().toString().substring(0, 8), "wrong password");

        assertThat(rightButLocked.redirectsTo("/login?error")).as("a name that must wait answers like any failure").isTrue();
        assertThat(unknown.redirectsTo("/login?error")).isTrue();
        assertThat(unknown.location()).isEqualTo(rightButLocked.location());
        Document page = http.get("/login?error").document();
        assertThat(page.select("#login-error").text()).contains("Inloggen is niet gelukt", "een beheerder kan dat opheffen");
        assertThat(page.select("#login-locked")).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsHeldBackWhileOthersSignIn() {
        StaffHttp sprayer = new StaffHttp(port, "127.0.0.7");
        for (int i = 0; i < 20; i++) {
            sprayer.signInWithPassword("guess-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), "Summer2026!!");
        }
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        assertThat(sprayer.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login?error"))
                .as("the 21st attempt from that address is refused, whatever the name").isTrue();
        assertThat(jdbc.sql("select failed_attempts from staff_user where username = ?").param(analyst.username())
                .query(Integer.class).single()).as("held back before the password check: nothing counts against the account")
                .isZero();

        StaffHttp colleague = new StaffHttp(port, "127.0.0.8");
        assertThat(colleague.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login/totp"))
                .as("another address signs in").isTrue();
    }

    @Test
    void wrongPasswordsFromOneAddressSlowThatAddressDownButNeverLockTheStaffMemberOut() {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp attacker = new StaffHttp(port, "127.0.0.9");
        for (int i = 1; i <= 5; i++) {
            attacker.signInWithPassword(analyst.username(), "wrong password " + i);
        }
        assertThat(attacker.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login?error"))
                .as("from the guessing address the name waits, even with the right password").isTrue();

        StaffHttp owner = new StaffHttp(port, "127.0.0.10");
        assertThat(owner.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login/totp"))
                .as("from her own address she signs in at once").isTrue();
        assertThat(jdbc.sql("select locked_until is null from staff_user where username = ?").param(analyst.username())
                .query(Boolean.class).single()).as("wrong passwords never lock the account").isTrue();

        try {
            clock.advance(Duration.ofSeconds(31));
            assertThat(attacker.signInWithPassword(analyst.username(), "wrong password 6").redirectsTo("/login?error")).isTrue();
            clock.advance(Duration.ofSeconds(31));
            assertThat(attacker.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login?error"))
                    .as("each further wrong password doubles the wait (now a minute)").isTrue();
            clock.advance(Duration.ofSeconds(30));
            assertThat(attacker.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login/totp"))
                    .as("after the wait the right password works from there too").isTrue();
        } finally {
            clock.reset();
        }
    }

    @Test
    void anAdministratorsUnlockLiftsTheWaitFromEveryAddress() {
        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account analyst = staff.create(StaffRole.ANALYST);
        StaffHttp mistyper = new StaffHttp(port, "127.0.0.11");
        for (int i = 1; i <= 5; i++) {
            mistyper.signInWithPassword(analyst.username(), "wrong password " + i);
        }
        assertThat(mistyper.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login?error")).isTrue();

        StaffHttp admin = new StaffHttp(port);
        admin.signIn(staff.create(StaffRole.ADMIN));
        admin.get("/staff/admin/users/" + analyst.id());
        assertThat(admin.postForm("/staff/admin/users/" + analyst.id() + "/unlock", Map.of()).status()).isEqualTo(302);

        assertThat(mistyper.signInWithPassword(analyst.username(), analyst.password()).redirectsTo("/login/totp")).isTrue();
    }

    @Test
    void anAdministratorCreatesAnAnalystWhoEnrolsAndReplacesTheOneTimePassword() {
        TestStaff.Account admin = new TestStaff(jdbc).create(StaffRole.ADMIN);
        StaffHttp adminHttp = new StaffHttp(port);
        adminHttp.signIn(admin);
        adminHttp.get("/staff/admin/users/new");
        String username = "analyst" + System.nanoTime() % 100000;
        StaffHttp.Page created = adminHttp.postForm("/staff/admin/users", Map.of(
                "username", username, "displayName", "Ana Lyst", "email", "", "roles", "ANALYST", "organisation", ""));
        assertThat(created.status()).isEqualTo(200);
        String oneTime = created.document().select("#one-time-password").text();
        assertThat(oneTime).hasSize(23);

        StaffHttp analyst = new StaffHttp(port);
        assertThat(analyst.signInWithPassword(username, oneTime).redirectsTo("/login/totp/enrol")).isTrue();
        Document enrol = analyst.get("/login/totp/enrol").document();
        assertThat(enrol.select(".qr img").attr("src")).startsWith("data:image/png;base64,");
        String secret = enrol.select("#manual-key").text().replace(" ", "");
        StaffHttp.Page enrolled = analyst.postForm("/login/totp/enrol", Map.of("code", Totp.currentCode(secret, Instant.now())));
        assertThat(enrolled.redirectsTo("/account/password")).isTrue();
        assertThat(analyst.get("/staff").redirectsTo("/account/password")).isTrue();

        analyst.get("/account/password");
        StaffHttp.Page tooShort = analyst.postForm("/account/password", Map.of("current", oneTime, "password", "short", "repeat", "short"));
        assertThat(tooShort.document().select("#password-error").text()).contains("te kort");
        for (String common : List.of("password1234", "Password1234!", "PASSWORD12345", "qwertyuiop123", "aaaaaaaaaaaaaa",
                "Recourse2026!!", "iloveyou12345")) {
            StaffHttp.Page refused = analyst.postForm("/account/password", Map.of("current", oneTime, "password", common, "repeat", common));
            assertThat(refused.document().select("#password-error").text()).as(common)
                    .contains("lijst van veelgebruikte en gelekte wachtwoorden");
        }
        StaffHttp.Page changed = analyst.postForm("/account/password",
                Map.of("current", oneTime, "password", "a long and private sentence", "repeat", "a long and private sentence"));
        assertThat(changed.redirectsTo("/staff?passwordChanged")).isTrue();
        assertThat(analyst.get("/staff").status()).isEqualTo(200);
        assertThat(analyst.get("/staff/admin/users").status()).isEqualTo(403);
    }

    @Test
    void malformedAdminFormsAreExplainedNextToTheField() {
        TestStaff.Account admin = new TestStaff(jdbc).create(StaffRole.ADMIN);
        StaffHttp http = new StaffHttp(port);
        http.signIn(admin);
        http.get("/staff/admin/users/new");

        StaffHttp.Page invalid = http.postForm("/staff/admin/users", Map.of(
                "username", "A B", "displayName", "", "email", "not-an-address", "roles", "LIAISON", "organisation", ""));

        assertThat(invalid.status()).isEqualTo(200);
        Document page = invalid.document();
        assertThat(page.select("#username-error").text()).contains("3 tot 40 tekens");
        assertThat(page.select("#email-error").text()).contains("geen geldig e-mailadres");
        assertThat(page.select("#organisation-error").text()).contains("organisatie");
        assertThat(page.select("#username").attr("aria-describedby")).contains("username-error");
    }

    private static String current(TestStaff.Account account) {
        return Totp.currentCode(account.totpSecret(), Instant.now());
    }
}
