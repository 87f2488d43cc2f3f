package statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import data.CaseData;
import org.recourse.RecourseApplication;
import org.recourse.accounts.StaffRole;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statistics on many cases: starts the application on a fresh embedded PostgreSQL, fills intake with
 * the shared generator and the statistics read model with {@link CaseData#generateStatistics}, then
 * times each statistics page (a coordinator's overview for a year and a quarter, the platform
 * scorecards, the DSA counts, the public transparency page) and a year's export of every preset.
 * The first request of each page computes its figures (the snapshot is empty); the rest read the
 * snapshot while it is younger than five minutes.
 * Usage: java -cp CLASSPATH bench/statistics/StatisticsBench.java DATA_DIR CASES REQUESTS_PER_PAGE
 */
public class StatisticsBench {

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            run(args);
        } catch (Throwable failed) {
            failed.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        String dataDir = args[0];
        int cases = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecourseApplication.class).run(
                "--server.port=0", "--recourse.data-dir=" + dataDir, "--recourse.db.embedded-fresh=true",
                "--recourse.takedown.workers=false", "--logging.level.root=WARN");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
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
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        StaffHttp visitor = new StaffHttp(port);
        String[][] pages = {
                {"overview, year", "/staff/statistics?period=" + year},
                {"overview, quarter", "/staff/statistics?period=" + year + "-Q2"},
                {"scorecards, quarter", "/staff/statistics/platforms?period=" + year + "-Q2"},
                {"dsa counts, year", "/staff/statistics/dsa?period=" + year},
                {"transparency, quarter", "/transparantie?quarter=" + year + "-Q2"}};
        System.out.printf("%-24s %9s %6s %8s %8s %8s%n", "page", "first ms", "n", "p50 ms", "p95 ms", "max ms");
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
            System.out.printf("%-24s %9.0f %6d %8.0f %8.0f %8.0f%n", page[0], first, sorted.size(), at(sorted, 0.5),
                    at(sorted, 0.95), sorted.getLast());
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
        app.close();
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
