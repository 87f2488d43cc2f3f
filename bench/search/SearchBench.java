package search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import data.CaseData;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff search on many cases: starts the application on a fresh embedded PostgreSQL, fills it with
 * the shared generator (bench/data/CaseData), signs an analyst in over HTTP and times
 * GET /staff/search for a mix of queries sampled from the data: case-number prefixes and whole
 * numbers, pieces of URLs, domains (small sites and the largest platforms), account names, partner
 * e-mail addresses, rare and common words, some with a filter. Each request is the whole page: the
 * query, the audit entries for every case shown and the rendering. Prints percentiles per kind and
 * overall. Usage: java -cp CLASSPATH bench/search/SearchBench.java DATA_DIR CASES QUERIES; with
 * SEARCH_BENCH_HOLD_SECONDS=N it waits N seconds after filling the database, to read query plans.
 */
public class SearchBench {

    public static void main(String[] args) {
        data.BenchApplication.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String dataDir = args[0];
        int cases = Integer.parseInt(args[1]);
        int queries = Integer.parseInt(args[2]);
        ConfigurableApplicationContext app = data.BenchApplication.start(dataDir, true);
        int port = data.BenchApplication.port(app);
        DataSource dataSource = app.getBean(DataSource.class);
        try (Connection c = dataSource.getConnection()) {
            for (int done = 0; done < cases; done += 250_000) {
                CaseData.generate(c, Math.min(250_000, cases - done), 0.42 + done / 10_000_000.0);
            }
        }
        // A database in use is vacuumed and analysed by autovacuum; one filled a moment ago is not yet.
        try (Connection c = dataSource.getConnection();
             Connection owner = java.sql.DriverManager.getConnection(c.getMetaData().getURL(), "postgres",
                     java.nio.file.Files.readString(java.nio.file.Path.of(dataDir, "secrets", "postgres-superuser")).strip());
             Statement s = owner.createStatement()) {
            long start = System.nanoTime();
            s.execute("vacuum analyze");
            System.out.printf("vacuum analyze in %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
        }
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        System.out.println("cases: " + jdbc.sql("select count(*) from intake_case").query(Long.class).single()
                + ", items: " + jdbc.sql("select count(*) from reported_item").query(Long.class).single()
                + ", additions: " + jdbc.sql("select count(*) from case_addition").query(Long.class).single());

        String hold = System.getenv("SEARCH_BENCH_HOLD_SECONDS");
        if (hold != null) {
            // Time to look at query plans with psql before the run: the superuser password is in DATA_DIR/secrets.
            try (Connection c = dataSource.getConnection()) {
                System.out.println("holding " + hold + " s; " + c.getMetaData().getURL() + ", data directory " + dataDir);
            }
            Thread.sleep(Long.parseLong(hold) * 1000);
        }
        Map<String, List<String>> mix = sample(dataSource, queries);
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));

        List<String[]> all = new ArrayList<>();
        mix.forEach((kind, list) -> list.forEach(q -> all.add(new String[] {kind, q})));
        Collections.shuffle(all, new Random(7));
        for (String[] warm : all.subList(0, Math.min(200, all.size()))) {
            analyst.get(path(warm[1]));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> overall = new ArrayList<>();
        int errors = 0;
        for (String[] query : all) {
            long start = System.nanoTime();
            StaffHttp.Page page = analyst.get(path(query[1]));
            double ms = (System.nanoTime() - start) / 1e6;
            if (page.status() != 200 || page.body().contains("te veel op om snel te doorzoeken")) {
                errors++;
                System.out.println("not answered in time or failed (" + page.status() + "): " + query[0] + " " + query[1]);
            }
            times.computeIfAbsent(query[0], k -> new ArrayList<>()).add(ms);
            overall.add(ms);
        }
        System.out.printf("%-22s %6s %8s %8s %8s %8s%n", "kind", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        times.forEach((kind, list) -> print(kind, list));
        print("ALL", overall);
        System.out.println("failed or stopped: " + errors);
        app.close();
    }

    private static String path(String query) {
        return "/staff/search?q=" + URLEncoder.encode(query.startsWith("FILTER ") ? query.substring(7) : query, StandardCharsets.UTF_8)
                + (query.startsWith("FILTER ") ? "&status=REMOVED&from=2025-01-01" : "");
    }

    /** Queries of each kind drawn from the generated data, {@code total} in all. */
    private static Map<String, List<String>> sample(DataSource dataSource, int total) throws Exception {
        int each = Math.max(1, total / 10);
        Map<String, List<String>> mix = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            mix.put("number prefix", column(s, "select left(case_number, 7) from intake_case order by random() limit " + each));
            mix.put("whole number", column(s, "select case_number from intake_case order by random() limit " + each));
            mix.put("url piece", column(s, "select substr(split_part(url_normalised, '/', 5), 3, 10) from reported_item "
                    + "order by random() limit " + each));
            mix.put("small site domain", column(s, "select host from reported_item where host like 'site%' order by random() limit " + each));
            mix.put("platform domain", new ArrayList<>(Collections.nCopies(Math.max(1, each / 5), "www.instagram.com")));
            mix.get("platform domain").addAll(Collections.nCopies(Math.max(1, each / 5), "x.com"));
            mix.put("account", column(s, "select account from reported_item where account is not null order by random() limit " + each));
            mix.put("partner e-mail", column(s, "select contact_email from intake_case where contact_email is not null order by random() limit "
                    + each));
            mix.put("rare word", column(s, "select 'kenmerk' || split_part(description, ' kenmerk', 2) from intake_case "
                    + "where description is not null order by random() limit " + each));
            mix.put("common words", new ArrayList<>(Arrays.asList("naaktfoto gedeeld", "ex dreigt", "foto", "chantage bitcoin",
                    "gehackt wachtwoord", "instagram account", "deepfake school", "video online")));
            mix.put("word + filter", new ArrayList<>(List.of("FILTER foto", "FILTER afgeperst", "FILTER telegram groep")));
        }
        return mix;
    }

    private static List<String> column(Statement s, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void print(String kind, List<Double> list) {
        List<Double> sorted = list.stream().sorted().toList();
        System.out.printf("%-22s %6d %8.1f %8.1f %8.1f %8.1f%n", kind, sorted.size(), at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.getLast());
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
