package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looking at the public pages leaves nothing on the server and no dated trace on the device: no
 * server session (so page views cannot fill the session table), and only browser-session cookies.
 */
@RecourseTest
class AnonymousVisitsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publicPageViewsCreateNoServerSession() throws Exception {
        long before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        for (int round = 0; round < 10; round++) {
            for (String path : List.of("/", "/melden", "/report?lang=en", "/status", "/status/case", "/no-such-page")) {
                HttpResponse<String> response = get(path);
                assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("SESSION="));
            }
        }
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single())
                .as("sessions written by 60 anonymous page views").isLessThanOrEqualTo(before);
    }

    @Test
    void theCookiesOfAVisitLastOnlyAsLongAsTheBrowserSession() throws Exception {
        List<String> cookies = get("/melden?lang=en").headers().allValues("Set-Cookie");

        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("recourse-lang=en"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("recourse-form="));
        assertThat(cookies).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Max-Age")
                .doesNotContainIgnoringCase("Expires").containsIgnoringCase("HttpOnly"));
    }
}
