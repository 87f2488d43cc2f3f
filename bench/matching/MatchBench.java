package matching;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import data.CaseData;
import data.ConstantRate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The match API over HTTP with authentication, the way a platform calls it: fills the banks with
 * ENTRIES PDQ entries (bench/data/CaseData.generateMatchEntries), restarts the application and times
 * how long its index takes to load from PostgreSQL, measures the heap the index holds, then offers
 * GET /m/raw_lookup at the target rate over CLIENTS connections for SECONDS (75 % random hashes that
 * match nothing, 25 % stored hashes with 0–40 bits flipped, the library's JMH mix), runs CLIENTS / 4
 * closed-loop clients against POST /m/raw_lookup/batch with 1,000 signals a request, and finds the
 * single look-ups' saturation rate with wrk.
 * Usage: java -cp CLASSPATH bench/matching/MatchBench.java DATA_DIR ENTRIES SECONDS CLIENTS
 */
public class MatchBench {

    public static void main(String[] args) {
        data.BenchApplication.runAndExit(() -> run(args));
    }

    private static ConfigurableApplicationContext start(String dataDir, boolean fresh) {
        return data.BenchApplication.start(dataDir, fresh, "--recourse.evidence.capture.worker=false",
                "--recourse.matching.api.requests-per-second=1000000");
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void run(String[] args) throws Exception {
        String dataDir = args[0];
        long entries = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);

        ConfigurableApplicationContext first = start(dataDir, true);
        // As the migrations' role: the application's role may not vacuum or analyse (PostgreSQL skips
        // the table with only a warning).
        try (Connection c = first.getBean("migrationDataSource", DataSource.class).getConnection()) {
            CaseData.generateMatchEntries(c, entries);
        }
        String key = data.BenchApplication.apiKey(first, "Benchmark platform", "match:lookup");
        long baseline = usedHeapAfterGc();
        first.close();

        long startNanos = System.nanoTime();
        ConfigurableApplicationContext app = start(dataDir, false);
        double startedIn = (System.nanoTime() - startNanos) / 1e9;
        int port = data.BenchApplication.port(app);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        while (true) {
            HttpResponse<String> status = get(http, port, key, "/m/index/status?signal_type=pdq");
            if (status.statusCode() == 200 && status.body().contains("\"present\":true")) {
                break;
            }
            Thread.sleep(50);
        }
        double readyIn = (System.nanoTime() - startNanos) / 1e9;
        long withIndex = usedHeapAfterGc();
        System.out.printf("entries %d: application started in %.1f s, index loaded and answering after %.1f s%n", entries, startedIn, readyIn);
        System.out.printf("heap after GC: %.0f MB with the index, %.0f MB without it (same application, empty index): index ~%.0f MB%n",
                withIndex / 1e6, baseline / 1e6, (withIndex - baseline) / 1e6);
        System.out.println("status: " + get(http, port, key, "/m/index/status?signal_type=pdq").body());

        // The targets: 1 M entries 5,000 look-ups/s with p99 <= 20 ms, 10 M entries 2,000/s.
        int targetRate = entries <= 1_000_000 ? 5_000 : 2_000;
        // The JIT compiles the request path over the first tens of seconds: that belongs to start-up, not to the rate.
        constantRate("warm-up", port, key, entries, targetRate, seconds, clients);
        constantRate("raw_lookup", port, key, entries, targetRate, seconds, clients);
        // Where the latency stands below the target rate: how much headroom the two cores have left.
        constantRate("raw_lookup at 80 %", port, key, entries, targetRate * 4 / 5, seconds, clients);
        batches("raw_lookup/batch (1000 signals)", http, port, key, entries, seconds, Math.max(2, clients / 4));
        wrk(dataDir, port, key, entries, seconds, clients);
        app.close();
    }

    /**
     * The same single look-ups driven by wrk (C, a fraction of the Java client's CPU per request), when
     * it is installed: the server's rate with less of the two cores spent on the load generator.
     */
    private static void wrk(String dataDir, int port, String key, long entries, int seconds, int clients) throws Exception {
        java.nio.file.Path wrk = java.nio.file.Path.of("/usr/bin/wrk");
        if (!java.nio.file.Files.isExecutable(wrk)) {
            System.out.println("wrk not installed (apt-get install wrk): its run is left out");
            return;
        }
        java.nio.file.Path queries = java.nio.file.Path.of(dataDir, "queries.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            lines.add("/m/raw_lookup?signal_type=pdq&signal=" + query(entries));
        }
        java.nio.file.Files.write(queries, lines);
        String script = java.nio.file.Path.of(System.getProperty("bench.dir", "bench/matching"), "lookups.lua").toString();
        Process process = new ProcessBuilder(wrk.toString(), "-t2", "-c" + clients, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: Bearer " + key, "-s", script, "http://127.0.0.1:" + port, "--", queries.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        System.out.println("wrk, GET /m/raw_lookup, " + clients + " connections, " + seconds + " s:");
        output.lines().filter(l -> l.contains("Requests/sec") || l.matches("\\s+(50|90|99)%.*") || l.contains("Non-2xx")
                || l.contains("requests in")).forEach(l -> System.out.println("  " + l.strip()));
    }

    /**
     * Single look-ups offered at a constant rate ({@link ConstantRate}, latency from each request's due
     * time): the latency the targets name, at the rate they name, instead of at saturation.
     */
    private static void constantRate(String name, int port, String key, long entries, int rate, int seconds, int connections)
            throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            requests.add(("GET /m/raw_lookup?signal_type=pdq&signal=" + query(entries) + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Bearer " + key + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        ConstantRate.Requests lookups = new ConstantRate.Requests() {
            @Override
            public byte[] request(URI base, int index) {
                return requests.get(index % requests.size());
            }

            @Override
            public int expectedStatus() {
                return 200;
            }
        };
        System.out.printf("%s: GET /m/raw_lookup offered at %d/s for %d s over %d connections (constant rate)%n", name, rate,
                seconds, connections);
        ConstantRate.run(URI.create("http://127.0.0.1:" + port), lookups, rate, seconds, connections).print(rate, seconds);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String key, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A query: 75 % a random hash, 25 % a stored one with 0–40 bits flipped. */
    private static String query(long entries) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = new byte[32];
        if (random.nextInt(4) == 0) {
            bytes = HexFormat.of().parseHex(CaseData.pdqOf(1 + random.nextLong(entries)));
            int flips = random.nextInt(41);
            for (int i = 0; i < flips; i++) {
                int bit = random.nextInt(256);
                bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            }
        } else {
            random.nextBytes(bytes);
        }
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Closed-loop batch look-ups (1,000 signals a request) from {@code clients} Java HTTP clients. The
     * bodies are made before the clock starts (64 of them, sent in turn): making one costs the client
     * a thousand random queries, CPU the server would otherwise share during the run.
     */
    private static void batches(String name, HttpClient http, int port, String key, long entries, int seconds, int clients)
            throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            StringBuilder body = new StringBuilder("{\"signal_type\":\"pdq\",\"signals\":[");
            for (int i = 0; i < 1000; i++) {
                body.append(i == 0 ? "\"" : ",\"").append(query(entries)).append('"');
            }
            bodies.add(body.append("]}").toString());
        }
        AtomicInteger turn = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong signals = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<List<Long>> latencies = Collections.synchronizedList(new ArrayList<>());
        long began = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    latencies.add(mine);
                    while (System.nanoTime() < end) {
                        String body = bodies.get(turn.getAndIncrement() % bodies.size());
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/m/raw_lookup/batch"))
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            mine.add(System.nanoTime() - start);
                            if (response.statusCode() != 200) {
                                failed.incrementAndGet();
                            } else {
                                signals.addAndGet(1000);
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double took = (System.nanoTime() - began) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        System.out.printf("%-32s %d clients %d s: %.0f signals/s, requests %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms, failed %d%n",
                name, clients, seconds, signals.get() / took, all.size(), at(all, 0.5), at(all, 0.99), all.isEmpty() ? 0 : all.getLast() / 1e6,
                failed.get());
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
