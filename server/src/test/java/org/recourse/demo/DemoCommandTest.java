package org.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.recourse.platform.CliCommand;
import org.recourse.platform.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./recourse demo} on a fresh database, as the command line starts it (no web server, a
 * simulated clock, simulated delivery): a year of synthetic work made through the real use cases —
 * reports on the synthetic platforms, assessments, notices answered quickly, slowly or never,
 * removals, escalation candidates and enforcement requests in every state — with nothing sent,
 * clearly marked, and refused a second time.
 */
class DemoCommandTest {

    static final int CASES = 120;
    static ConfigurableApplicationContext context;
    static String fingerprint;
    static JdbcClient jdbc;
    static String printed;
    static int exit;

    record Run(int exit, String out, String err) {
    }

    static Run demo(String... args) {
        CliCommand demo = context.getBeansOfType(CliCommand.class).values().stream().filter(c -> c.name().equals("demo")).findFirst()
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = demo.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts the application as {@code ./recourse demo --cases N --seed 7 --until 2026-12-04} does (the command runs while
     * it starts), on a fresh embedded database of its own, with what it printed and its exit code.
     */
    static ConfigurableApplicationContext start(String dataDir) {
        // As the launcher's environment would: above the configuration files, below nothing else.
        java.util.Map<String, String> environment = java.util.Map.of("recourse.data-dir", dataDir, "recourse.db.embedded-fresh", "true",
                "recourse.intake.capture-reported-urls", "true");
        environment.forEach(System::setProperty);
        SpringApplication app = new SpringApplication(RecourseApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(CommandLine.defaultProperties(new String[] {"demo"}));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            // A fixed last day: the year and so every state it ends in are the same whatever day the suite runs
            // (the default is today; a year ending on a Saturday has, for one, no request approved and not yet filed).
            ConfigurableApplicationContext started = app.run("demo", "--cases", Integer.toString(CASES), "--seed", "7",
                    "--until", "2026-12-04");
            printed = captured.toString(StandardCharsets.UTF_8);
            exit = started.getBeansOfType(org.springframework.boot.ExitCodeGenerator.class).values().stream()
                    .mapToInt(org.springframework.boot.ExitCodeGenerator::getExitCode).filter(code -> code != 0).findFirst().orElse(0);
            return started;
        } finally {
            System.setOut(out);
            System.setErr(err);
            environment.keySet().forEach(System::clearProperty);
        }
    }

    /** What happened, without the ids and secrets that are random by design. */
    static String fingerprint(JdbcClient db) {
        return String.join("\n", db.sql("""
                select c.received_at || ' ' || c.channel || ' ' || array_to_string(c.forms, ',') || ' ' || i.url || ' '
                       || coalesce((select string_agg(n.kind || ':' || n.sent_at || ':' || coalesce(n.decision, '-'), ';' order by n.sent_at)
                                    from takedown_notice n join takedown_notice_item ni on ni.notice_id = n.id
                                    join takedown_item t on t.id = ni.item_id where t.reported_item_id = i.id), 'none')
                from intake_case c join reported_item i on i.case_id = c.id order by c.received_at, i.url""")
                .query(String.class).list())
                + "\n" + String.join(",", db.sql("select state || ':' || platform_key from escalation_request order by drafted_at, platform_key")
                .query(String.class).list());
    }

    @BeforeAll
    static void fillAFreshDatabase() {
        context = start("target/test-data-demo");
        jdbc = context.getBean(JdbcClient.class);
        fingerprint = fingerprint(jdbc);
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aYearOfSyntheticWorkIsMadeThroughTheChainAndNothingIsSent() {
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("demo: " + CASES + " synthetic reports over 365 days", "demo: done.");
        assertThat(count("select count(*) from intake_case")).isEqualTo(CASES);
        assertThat(count("select count(distinct channel) from intake_case")).as("reports arrive by several channels").isGreaterThan(2);
        assertThat(count("select count(*) from intake_case where description not like '[synthetisch]%'")).as("marked synthetic").isZero();
        assertThat(count("select count(*) from reported_item where host not like '%.demo.invalid'")).as("only synthetic platforms").isZero();
        assertThat(count("select count(*) from assessment_decision")).as("assessed").isGreaterThan(CASES / 2);
        assertThat(count("select count(*) from takedown_notice where status = 'sent'")).isGreaterThan(CASES / 2);
        assertThat(count("select count(*) from takedown_notice where kind = 'renotice'")).as("silent platforms get re-notices").isPositive();
        assertThat(count("select count(distinct decision) from takedown_notice where decision is not null"))
                .as("removed and refused").isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from takedown_notice where recipient_key = 'demo-stilforum' and acknowledged_at is not null"))
                .as("the silent platform never answers").isZero();
        assertThat(count("select count(*) from takedown_item where status = 'offline'")).as("removals confirmed by checks").isPositive();
        assertThat(count("select count(*) from evidence_object where kind = 'media'")).as("drawn pictures, nothing fetched").isPositive();
        assertThat(count("select count(*) from evidence_signal")).as("pictures hashed").isPositive();
        assertThat(count("select count(*) from match_entry")).as("pictures banked").isPositive();
        assertThat(count("select count(*) from match_finding where status = 'CONFIRMED'")).as("re-uploads found and confirmed").isPositive();
        assertThat(jdbc.sql("""
                select f.url || ' matched ' || (select string_agg(i.url, ' ') from reported_item i where i.case_id = f.original_case_id)
                       || ' at distance ' || f.distance
                from match_finding f where not exists (
                    select 1 from reported_item i where i.case_id = f.original_case_id
                    and split_part(split_part(f.url, '/', 5), '-', 1) = split_part(split_part(i.url, '/', 5), '-', 1))""")
                .query(String.class).list()).as("only the same picture is found again").isEmpty();
        assertThat(jdbc.sql("select distinct state from escalation_request").query(String.class).list())
                .as("requests in every state a year brings").contains("draft", "approved", "filed", "acknowledged", "withdrawn");
        assertThat(count("select count(*) from platform_outbox where status <> 'SENT'")).as("nothing left to send").isZero();
        assertThat(count("select count(*) from evidence_capture where status <> 'done'")).as("nothing left to fetch").isZero();
        assertThat(count("select count(*) from event_publication where completion_date is null")).isZero();
        assertThat(count("select count(*) from platform_demo_run where finished_at is not null")).isEqualTo(1);
        assertThat(count("select count(*) from stat_case")).as("statistics follow").isEqualTo(CASES);
    }

    @Test
    void theServerStartedOnTheDemoDataSaysOnEveryPageThatItIsMadeUp() throws Exception {
        System.setProperty("recourse.data-dir", "target/test-data-demo");
        ConfigurableApplicationContext server;
        try {
            server = new SpringApplication(RecourseApplication.class).run("--server.port=0");
        } finally {
            System.clearProperty("recourse.data-dir");
        }
        try {
            int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
            java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login")).header("Accept-Language", "nl").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.jsoup.nodes.Element banner = org.jsoup.Jsoup.parse(login.body()).getElementById("demo-banner");
            assertThat(banner).isNotNull();
            assertThat(banner.text()).startsWith("Demonstratie: alle zaken, meldingen, platforms en verzoeken in deze installatie zijn verzonnen");

            // The printed secret opens any synthetic case on the reporter's status page.
            java.util.regex.Matcher secret = java.util.regex.Pattern.compile("with its case number and the secret (\\S+)").matcher(printed);
            assertThat(secret.find()).as(printed).isTrue();
            String caseNumber = jdbc.sql("select case_number from intake_case order by received_at limit 1").query(String.class).single();
            org.recourse.support.StaffHttp reporter = new org.recourse.support.StaffHttp(port);
            reporter.get("/report");
            reporter.get("/status");
            assertThat(reporter.postForm("/status", java.util.Map.of("caseNumber", caseNumber, "secret", secret.group(1)))
                    .redirectsTo("/status/case")).isTrue();
            assertThat(reporter.get("/status/case").document().getElementById("demo-banner")).isNotNull();
        } finally {
            server.close();
        }
    }

    @Test
    void theSameSeedGivesTheSameYear() {
        int firstExit = exit;
        ConfigurableApplicationContext other = start("target/test-data-demo-again");
        try {
            assertThat(exit).as(printed).isZero();
            exit = firstExit;
            assertThat(fingerprint(other.getBean(JdbcClient.class))).isEqualTo(fingerprint);
        } finally {
            other.close();
        }
    }

    @Test
    void aSecondRunAndBadArgumentsAreRefusedWithAReason() {
        Run again = demo("--cases", "5");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds demo data");
        assertThat(demo("--cases", "0").err()).contains("--cases: between 1 and 100000");
        assertThat(demo("--cases", "many").err()).contains("whole numbers");
        assertThat(demo("--color").exit()).isEqualTo(2);
        assertThat(demo("--help").out()).contains("--seed S", "--until D");
        assertThat(demo("--until", "gisteren").err()).contains("--until takes a date as YYYY-MM-DD");
        assertThat(demo("--until", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString()).err())
                .contains("--until: not after today");
        assertThat(count("select count(*) from intake_case")).isEqualTo(CASES);
    }
}
