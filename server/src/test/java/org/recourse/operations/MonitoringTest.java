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
        assertThat(used).contains("recourse_waiting", "recourse_outbox_entries", "recourse_database_up");
        assertThat(exported).as("metrics the alerts and dashboard use").containsAll(used);

        String runbook = Files.readString(DOCS.resolve("runbook.md"));
        Map<String, Object> rules = new Yaml().load(alerts);
        List<Map<String, Object>> alertRules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            alertRules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        assertThat(alertRules).hasSizeGreaterThanOrEqualTo(7);
        for (Map<String, Object> rule : alertRules) {
            String link = (String) ((Map<String, Object>) rule.get("annotations")).get("runbook");
            assertThat(link).as(rule.get("alert") + " names its runbook section").startsWith("docs/runbook.md#");
            assertThat(runbook).as(link).contains("\n## " + link.substring(link.indexOf('#') + 1) + "\n");
        }
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 7 rules found");
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
