package org.recourse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile or broken input on the public report form gets a page in the reporter's language that
 * says what happened and whether anything was saved — never a 500, never raw JSON, never a
 * promise that is not true.
 */
@RecourseTest
class BadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private StaffHttp.Page postRaw(StaffHttp http, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/melden"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private StaffHttp.Page postBytes(StaffHttp http, byte[] body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/melden"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String field(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aNulCharacterIsRemovedAndTheFormShownAgainWithEverythingElseKept() {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        String url = "https://nul.example/" + UUID.randomUUID();
        StaffHttp.Page page = postRaw(http, String.join("&", field("_csrf", http.csrfToken()), field("reporterType", "self"),
                field("forms", "deepfake"), field("urls", url), field("description", "voor\u0000na")));

        assertThat(page.status()).isEqualTo(400);
        Document form = page.document();
        assertThat(form.getElementById("description-error").text()).contains("onzichtbaar teken", "weggehaald");
        assertThat(form.getElementById("description").text()).isEqualTo("voorna");
        assertThat(form.getElementById("urls").text()).isEqualTo(url);
        assertThat(form.select("input[name=forms][value=deepfake]").hasAttr("checked")).isTrue();
        assertThat(page.body()).doesNotContain("niet verloren");
        assertThat(jdbc.sql("select count(*) from reported_item where url = ?").param(url).query(Long.class).single()).isZero();
    }

    @Test
    void aFormOverTheLimitGets413WithAPageThatSaysNothingWasSaved() {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        StaffHttp.Page page = postRaw(http, field("_csrf", http.csrfToken()) + "&" + field("description", "a".repeat(3_000_000)));

        assertThat(page.status()).isEqualTo(413);
        assertThat(page.document().select("main p").first().text()).contains("te groot", "Er is niets opgeslagen");
        assertThat(page.body()).doesNotContain("niet verloren").doesNotContain("{\"");
    }

    @Test
    void invalidUtf8AndTooManyFieldsGetAPageNotJson() {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        byte[] invalid = (field("_csrf", http.csrfToken()) + "&description=%C3%28").getBytes(StandardCharsets.US_ASCII);

        StaffHttp.Page unreadable = postBytes(http, invalid);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.document().select("main p").first().text()).contains("konden niet worden gelezen");

        String many = IntStream.range(0, 20_000).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        StaffHttp.Page tooMany = postRaw(http, many);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.document().select("main p").first().text()).contains("veel meer velden");
        assertThat(tooMany.body()).doesNotStartWith("{");
    }

    @Test
    void aMissingCsrfTokenGetsAPageExplainingTheExpiredForm() {
        StaffHttp http = new StaffHttp(port);
        StaffHttp.Page page = postRaw(http, field("reporterType", "self"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.document().select("main p").first().text()).contains("verlopen", "Er is niets opgeslagen", "laad de pagina opnieuw");
        assertThat(page.body()).doesNotStartWith("{");
    }
}
