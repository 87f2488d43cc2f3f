package org.recourse.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a readable answer in the user's language, never a stack trace. */
@RecourseTest
class ErrorHandlingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnknownPageIsExplainedInDutchAndInEnglish() throws Exception {
        HttpResponse<String> dutch = get("/no-such-page", "nl");
        HttpResponse<String> english = get("/no-such-page", "en");

        assertThat(dutch.statusCode()).isEqualTo(404);
        assertThat(dutch.body()).contains("Pagina niet gevonden").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(english.body()).contains("Page not found").doesNotContain("Exception");
    }

    @Test
    void aMalformedIdentifierInAStaffUrlIsA400PageWithoutStackTrace() {
        TestStaff.Account admin = new TestStaff(jdbc).create(StaffRole.ADMIN);
        StaffHttp http = new StaffHttp(port);
        http.signIn(admin);

        StaffHttp.Page page = http.get("/staff/admin/users/not-a-uuid");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select("h1").text()).isEqualTo("Deze invoer kunnen we niet verwerken");
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("MethodArgumentTypeMismatch");
    }

    @Test
    void anApiClientGetsAProblemDetailInItsLanguage() {
        TestStaff.Account admin = new TestStaff(jdbc).create(StaffRole.ADMIN);
        StaffHttp http = new StaffHttp(port);
        http.signIn(admin);

        StaffHttp.Page english = http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/staff/admin/users/not-a-uuid"))
                .header("Accept", "application/problem+json")
                .header("Accept-Language", "en")
                .GET());

        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("\"status\":400").contains("The data sent is not valid")
                .doesNotContain("Exception");
    }

    @Test
    void healthSaysOnlyUpOrDown() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        // The probe groups (readiness waits for the match index) are named; nothing else is shown.
        assertThat(health.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
