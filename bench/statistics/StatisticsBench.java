package statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import data.CaseData;
import org.recourse.accounts.StaffRole;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statistics on many cases: starts the application on a fresh embedded PostgreSQL, fills intake with
 * the shared generator and the statistics read model with {@link CaseData#generateStatistics}, then
 * times each statistics page (a coordinator's overview for a year and a quarter, the platform
 * scorecards, the DSA counts, the public transparency page) and a year's export of every preset.
 * The first request of each page computes its figures (the snapshot is empty); the rest read the
 * snapshot while it is younger than five minutes. Then each annual report's draft PDF. All the while
 * intake keeps running: reports through the partner API at INTAKE_RATE a second (default 50).
 * Usage: java -cp CLASSPATH bench/statistics/StatisticsBench.java DATA_DIR CASES REQUESTS_PER_PAGE
 */
public class StatisticsBench {

    public static void main(String[] args) {
        data.BenchApplication.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String dataDir = args[0];
        int cases = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        ConfigurableApplicationContext app = data.BenchApplication.start(dataDir, true);
        int port = data.BenchApplication.port(app);
        DataSource dataSource = app.getBean(DataSource.class);
        try (Connection c = dataSource.getConnection()) {
            for (int done = 0; done < cases; done += 250_000) {
                CaseData.generate(c, Math.min(250_000, cases - done), 0.42 + done / 10_000_000.0);
            }
            CaseData.generateStatistics(c, 2.0);
        }
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        System.out.println("stat_case: " + jdbc.sql("select count(*) from stat_case").query(Long.class).single()
                + ", stat_notice: " + jdbc.sql("select count(*) from stat_notice").query(Long.class).single()
                + ", stat_referral: " + jdbc.sql("select count(*) from stat_referral").query(Long.class).single());

        int year = Year.now().getValue() - 1;
        // Intake keeps running while the figures are read: reports through the partner API at INTAKE_RATE a second.
        String key = data.BenchApplication.apiKey(app, "Benchmark intake", "reports:submit");
        int rate = Integer.parseInt(System.getenv().getOrDefault("INTAKE_RATE", "50"));
        IntakeAlongside intake = new IntakeAlongside(port, key, rate);
        Thread intakeThread = Thread.ofPlatform().daemon().start(intake);
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        StaffHttp visitor = new StaffHttp(port);
        String[][] pages = {
                {"overview, year", "/staff/statistics?period=" + year},
                {"overview, quarter", "/staff/statistics?period=" + year + "-Q2"},
                {"scorecards, quarter", "/staff/statistics/platforms?period=" + year + "-Q2"},
                {"dsa counts, year", "/staff/statistics/dsa?period=" + year},
                {"transparency, quarter", "/transparantie?quarter=" + year + "-Q2"},
                {"annual report page, dsa-22", "/staff/statistics/annual-reports/dsa-22/" + year},
                {"annual report page, hotline", "/staff/statistics/annual-reports/hotline/" + year}};
        System.out.printf("%-28s %9s %6s %8s %8s %8s%n", "page", "first ms", "n", "p50 ms", "p95 ms", "max ms");
        for (String[] page : pages) {
            StaffHttp http = page[1].startsWith("/staff") ? coordinator : visitor;
            List<Double> times = new ArrayList<>();
            double first = 0;
            for (int i = 0; i < requests + 2; i++) {
                long start = System.nanoTime();
                StaffHttp.Page answer = http.get(page[1]);
                double ms = (System.nanoTime() - start) / 1e6;
                if (answer.status() != 200) {
                    throw new IllegalStateException(page[1] + " answered " + answer.status());
                }
                if (i == 0) {
                    first = ms;
                }
                if (i >= 2) {
                    times.add(ms);
                }
            }
            List<Double> sorted = times.stream().sorted().toList();
            System.out.printf("%-28s %9.0f %6d %8.0f %8.0f %8.0f%n", page[0], first, sorted.size(), at(sorted, 0.5),
                    at(sorted, 0.95), sorted.getLast());
        }
        for (String kind : List.of("dsa-22", "hotline")) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                var pdf = coordinator.download("/staff/statistics/annual-reports/" + kind + "/" + year + "/draft/nl.pdf");
                System.out.printf("annual report %s %d, pdf (nl), request %d: %.1f s (%d, %d bytes)%n", kind, year, i + 1,
                        (System.nanoTime() - start) / 1e9, pdf.statusCode(), pdf.body().length);
            }
        }
        CliCommand export = app.getBeansOfType(CliCommand.class).values().stream()
                .filter(c -> c.name().equals("statistics export")).findFirst().orElseThrow();
        Path out = Files.createTempDirectory("statistics-export");
        for (String preset : List.of("grevio", "cbs", "dsa-22")) {
            long start = System.nanoTime();
            int exit = export.run(List.of("--period", Integer.toString(year), "--preset", preset, "--format", "csv", "--out",
                    out.resolve(preset + ".csv").toString()), System.out, System.err);
            System.out.printf("export %s %d, csv: %.1f s (exit %d)%n", preset, year, (System.nanoTime() - start) / 1e9, exit);
        }
        intake.stop();
        intakeThread.join();
        System.out.printf("intake alongside: %d reports accepted in %.0f s (%.1f/s, offered %d/s), %d refused or failed%n",
                intake.accepted.get(), intake.seconds(), intake.accepted.get() / intake.seconds(), rate, intake.failed.get());
        app.close();
    }

    /** Reports through the partner API at a steady rate until stopped, one request at a time per tick. */
    static final class IntakeAlongside implements Runnable {
        final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        private final int port;
        private final String key;
        private final int rate;
        private volatile boolean running = true;
        private final long started = System.nanoTime();
        private volatile long stopped;

        IntakeAlongside(int port, String key, int rate) {
            this.port = port;
            this.key = key;
            this.rate = rate;
        }

        void stop() {
            running = false;
            stopped = System.nanoTime();
        }

        double seconds() {
            return ((stopped == 0 ? System.nanoTime() : stopped) - started) / 1e9;
        }

        @Override
        public void run() {
            long interval = 1_000_000_000L / Math.max(1, rate);
            long next = System.nanoTime();
            java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; running; i++) {
                next += interval;
                int index = i;
                senders.submit(() -> send(index));
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            senders.close();
        }

        private void send(int index) {
            String reference = java.util.UUID.randomUUID().toString();
            String body = """
                    {"reporterType":"professional","forms":["non_consensual_sharing"],\
                    "items":[{"url":"https://bench.example/s/%s","platform":"ExampleTube","account":"u%d"}],\
                    "minor":"no","policeContacted":"no","reference":"%s"}""".formatted(reference, index % 1000, reference);
            try {
                var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/reports"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .header("Idempotency-Key", reference).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                (response.statusCode() == 201 ? accepted : failed).incrementAndGet();
            } catch (java.io.IOException | InterruptedException e) {
                failed.incrementAndGet();
            }
        }
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
