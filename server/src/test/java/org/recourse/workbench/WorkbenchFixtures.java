package org.recourse.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.jsoup.nodes.Document;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.Forms;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases made the way people make them (the public form, the partner API), and staff signed in over HTTP. */
final class WorkbenchFixtures {

    private final int port;
    private final JdbcClient jdbc;
    private final List<CliCommand> commands;

    WorkbenchFixtures(int port, JdbcClient jdbc, List<CliCommand> commands) {
        this.port = port;
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /** What the reporter is given on the confirmation page. */
    record Reported(String caseNumber, String secret, UUID caseId) {
    }

    /** A report on the public form with one address, an account on a platform and a description. */
    Reported report(String url, String platform, String account, String description) {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        Forms form = Forms.with("reporterType", "self").and("forms", "non_consensual_sharing").and("urls", url);
        if (platform != null) {
            form.and("platform", platform).and("account", account);
        }
        if (description != null) {
            form.and("description", description);
        }
        StaffHttp.Page page = form.post(http, "/melden");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Document confirmation = page.document();
        String number = confirmation.getElementById("case-number").text();
        UUID id = jdbc.sql("select id from intake_case where case_number = ?").param(number).query(UUID.class).single();
        return new Reported(number, confirmation.getElementById("secret").text(), id);
    }

    /** The reporter signs in on the status page and adds a line of text. */
    void addInformation(Reported reported, String text) {
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/status");
        assertThat(reporter.postForm("/status", Map.of("caseNumber", reported.caseNumber(), "secret", reported.secret()))
                .redirectsTo("/status/case")).isTrue();
        reporter.get("/status/case");
        assertThat(reporter.postForm("/status/case/information", Map.of("information", text)).redirectsTo("/status/case")).isTrue();
    }

    /** A partner organisation reports through the API with the victim's contact address; returns the case number. */
    String partnerReport(String url, String email) throws Exception {
        CliCommand create = commands.stream().filter(c -> c.name().equals("api-key create")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(create.run(List.of("--organisation", "Partner " + UUID.randomUUID()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        String key = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("rk_")).findFirst().orElseThrow();
        String body = """
                {"reporterType": "professional", "forms": ["doxing"], "items": [{"url": "%s"}],
                 "contact": {"consent": true, "email": "%s"}, "reference": "%s"}""".formatted(url, email, UUID.randomUUID());
        HttpResponse<String> created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceAll(".*\"caseNumber\"\\s*:\\s*\"(RC-[0-9A-Z-]+)\".*", "$1");
    }

    StaffHttp signedIn(StaffRole role) {
        return signedIn(new TestStaff(jdbc).create(role));
    }

    StaffHttp signedIn(TestStaff.Account account) {
        StaffHttp http = new StaffHttp(port);
        http.signIn(account);
        return http;
    }

}
