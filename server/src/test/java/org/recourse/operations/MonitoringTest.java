package org.recourse.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.intake.Forms;
import org.recourse.support.StaffHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * Prometheus scrapes without a person (a bearer token), and the alert rules, their unit tests
 * (run by Prometheus's own promtool), the Grafana dashboard and the runbook agree with what the
 * server really exports: every recourse_* metric they use is in a scrape, every alert's runbook
 * section exists.
 */
@RecourseTest
class MonitoringTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern METRIC = Pattern.compile("\\b(recourse_[a-z_]+|disk_(?:free|total)_bytes|http_server_requests_seconds_count)\\b");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusScrapesWithItsTokenAndNobodyElseWithoutSigningIn() throws Exception {
        HttpResponse<String> scraped = scrape("Bearer " + RecourseTest.METRICS_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("recourse_waiting{page=\"/staff/queue\",stage=\"assessment\"}",
                "recourse_outbox_entries{status=\"failed\",topic=\"takedown.notice\"}", "recourse_database_up 1.0",
                "recourse_needs_attention{module=\"takedown\"}", "recourse_assessment_queue_oldest_age_seconds");
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape(null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(scrape("Bearer " + RecourseTest.METRICS_TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer wrong").statusCode()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertsDashboardAndRunbookUseOnlyMetricsTheServerExportsAndNameExistingSections() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String scraped = scrape("Bearer " + RecourseTest.METRICS_TOKEN).body();
        Set<String> exported = new TreeSet<>();
        scraped.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("[{ ]")[0]).forEach(exported::add);

        String alerts = Files.readString(DOCS.resolve("monitoring/alerts.yml"));
        String dashboard = Files.readString(DOCS.resolve("monitoring/grafana-dashboard.json"));
        Set<String> used = new TreeSet<>();
        for (String text : List.of(alerts, dashboard)) {
            Matcher m = METRIC.matcher(text);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).contains("recourse_waiting", "recourse_outbox_entries", "recourse_database_up", "recourse_reports_accepted_total",
                "recourse_notices_overdue", "recourse_takedown_checks_total", "recourse_evidence_captures_total",
                "recourse_match_index_sync_age_seconds", "recourse_node_jobs_last_run_age_seconds");
        assertThat(exported).as("metrics the alerts and dashboard use").containsAll(used);

        String runbook = Files.readString(DOCS.resolve("runbook.md"));
        Map<String, Object> rules = new Yaml().load(alerts);
        List<Map<String, Object>> alertRules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            alertRules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        assertThat(alertRules).hasSizeGreaterThanOrEqualTo(11);
        for (Map<String, Object> rule : alertRules) {
            String link = (String) ((Map<String, Object>) rule.get("annotations")).get("runbook");
            assertThat(link).as(rule.get("alert") + " names its runbook section").startsWith("docs/runbook.md#");
            assertThat(runbook).as(link).contains("\n## " + link.substring(link.indexOf('#') + 1) + "\n");
        }
    }

    @Test
    void aReportThroughThePublicFormCountsAsAcceptedOnceAndTheNodesScheduledWorkIsFresh() throws Exception {
        double before = value(scrape("Bearer " + RecourseTest.METRICS_TOKEN).body(), "recourse_reports_accepted_total");
        StaffHttp visitor = new StaffHttp(port);
        visitor.get("/report");
        StaffHttp.Page confirmation = Forms.with("reporterType", "self").and("forms", "deepfake")
                .and("urls", "https://metrics.example/" + java.util.UUID.randomUUID()).post(visitor, "/report");
        assertThat(confirmation.status()).isEqualTo(200);
        String after = scrape("Bearer " + RecourseTest.METRICS_TOKEN).body();
        // Other tests of this JVM may report at the same time: at least this one more.
        assertThat(value(after, "recourse_reports_accepted_total")).isGreaterThanOrEqualTo(before + 1);
        assertThat(value(after, "recourse_node_jobs_last_run_age_seconds")).isLessThan(60);
        assertThat(value(after, "recourse_match_index_ready")).isEqualTo(1.0);
    }

    /** The value of the first sample of {@code metric} in a scrape. */
    private static double value(String scraped, String metric) {
        return scraped.lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElseThrow(() -> new AssertionError(metric + " not exported"));
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 11 rules found");
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DOCS.resolve("monitoring").toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
