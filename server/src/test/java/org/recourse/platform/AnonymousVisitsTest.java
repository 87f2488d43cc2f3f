package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looking at the public pages leaves nothing on the server and no dated trace on the device: no
 * server session (so page views cannot fill the session table) — also not on the staff sign-in or
 * for an anonymous look at a staff address — and only browser-session cookies; the language
 * cookie only when the choice differs from what the browser already gets.
 */
@RecourseTest
class AnonymousVisitsTest {

    private static final List<String> PAGES = List.of("/", "/melden", "/report?lang=en", "/report/received", "/status",
            "/status/case", "/login", "/login?error", "/staff/intake", "/no-such-page");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** From an address of its own, so the wrong secret it sends counts against no other test. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .localAddress(loopback("127.0.0.21")).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void publicPageViewsCreateNoServerSession() throws Exception {
        long start = System.currentTimeMillis();
        for (int round = 0; round < 5; round++) {
            for (String path : PAGES) {
                HttpResponse<String> response = get(path, null);
                assertThat(response.statusCode()).as(path).isIn(200, 302, 404);
                assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("SESSION="));
            }
        }
        assertThat(jdbc.sql("select count(*) from spring_session where creation_time >= ?").param(start)
                .query(Long.class).single()).as("sessions written by 50 anonymous page views").isZero();
    }

    @Test
    void theCookiesOfAVisitLastOnlyAsLongAsTheBrowserSession() throws Exception {
        List<String> cookies = get("/melden?lang=en", null).headers().allValues("Set-Cookie");

        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("recourse-lang=en"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("recourse-form="));
        assertThat(cookies).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Max-Age")
                .doesNotContainIgnoringCase("Expires").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void theLanguageIsRememberedOnlyWhenItDiffersFromWhatTheBrowserGetsAnyway() throws Exception {
        assertThat(get("/melden", null).headers().allValues("Set-Cookie")).as("Dutch is the default")
                .noneMatch(c -> c.startsWith("recourse-lang"));
        assertThat(get("/?lang=nl", null).headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> englishBrowser = http.send(HttpRequest.newBuilder(uri("/?lang=en"))
                .header("Accept-Language", "en-GB,en;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(englishBrowser.headers().allValues("Set-Cookie")).as("English is this browser's default").isEmpty();
        assertThat(englishBrowser.body()).contains("lang=\"en\"");

        HttpResponse<String> backToDutch = get("/?lang=nl", "recourse-lang=en");
        assertThat(cookie(backToDutch, "recourse-lang")).as("an earlier choice is removed")
                .startsWith("recourse-lang=;").contains("Max-Age=0");
        assertThat(backToDutch.body()).contains("lang=\"nl\"");
    }

    @Test
    void aPublicFormIsSentWithoutASessionAndStillNeedsItsCookie() throws Exception {
        for (String path : List.of("/status", "/login")) {
            HttpResponse<String> page = get(path, null);
            String cookie = cookie(page, "recourse-form");
            assertThat(cookie).contains("HttpOnly", "SameSite=Strict").doesNotContain("Max-Age", "Expires", "Secure");
            String form = "_csrf=" + URLEncoder.encode(field(page.body(), "_csrf"), StandardCharsets.UTF_8)
                    + (path.equals("/status") ? "&caseNumber=RC-AAAA-BBBB&secret=WRONG" : "&username=nobody-here&password=wrong");

            HttpResponse<String> withCookie = post(path, form, cookie.substring(0, cookie.indexOf(';')));
            assertThat(withCookie.statusCode()).as(path).isIn(200, 302);
            if (path.equals("/status")) {
                assertThat(withCookie.body()).contains("Het zaaknummer of de geheime code klopt niet");
            } else {
                assertThat(withCookie.headers().firstValue("Location")).contains("/login?error");
            }
            assertThat(post(path, form, null).statusCode()).as(path + ": a token without its cookie").isEqualTo(403);
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("form field " + name).isTrue();
        return m.group(1);
    }

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
