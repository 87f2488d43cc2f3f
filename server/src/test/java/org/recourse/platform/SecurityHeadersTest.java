package org.recourse.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Strict headers on every page, no third-party resources, and no form post without a CSRF token. */
@RecourseTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void publicPagesCarryStrictHeadersAndLoadNothingFromElsewhere() throws Exception {
        HttpResponse<String> home = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(home.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.body()).contains("id=\"quick-exit\"");
        assertThat(home.body()).doesNotContainPattern("(src|href)=\"https?://(?!www\\.weeronline\\.nl)");
        assertThat(home.headers().firstValue("Set-Cookie")).as("no session for a public visit").isEmpty();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        TestStaff.Account admin = new TestStaff(jdbc).create(StaffRole.ADMIN);
        StaffHttp http = new StaffHttp(port);
        http.signIn(admin);

        StaffHttp.Page forged = http.postForm("/staff/admin/users", Map.of("_csrf", "forged",
                "username", "forged" + System.nanoTime() % 1000, "displayName", "F", "roles", "ADMIN"));

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void staffPagesLoadTheirScriptFromThisServerByAVersionlessPath() {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp http = new StaffHttp(port);
        http.signIn(analyst);

        StaffHttp.Page workbench = http.get("/staff");
        String script = workbench.document().select("script[src*=htmx]").attr("src");

        assertThat(script).as("no version in the link: the webjar is found when served").isEqualTo("/webjars/htmx.org/dist/htmx.min.js");
        StaffHttp.Page served = http.get(script);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).contains("htmx");
    }
}
