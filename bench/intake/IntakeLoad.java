import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on POST /api/v1/reports: requests are started at a fixed rate whether or not
 * earlier ones have finished (so a slow server cannot slow the generator down and hide its own
 * latency), each on a virtual thread, and latency is measured from the moment a request was due.
 *
 * Usage: java IntakeLoad.java BASE_URL API_KEY RATE_PER_SECOND SECONDS [WARMUP_SECONDS]
 *        java IntakeLoad.java BASE_URL API_KEY cWORKERS SECONDS [WARMUP_SECONDS]
 * The second form is closed-loop: WORKERS clients each send the next request when the previous
 * one is answered, which finds the throughput the server can sustain.
 */
public class IntakeLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        if (args[2].startsWith("c")) {
            int workers = Integer.parseInt(args[2].substring(1));
            System.out.printf("warm-up: %d s with %d workers%n", warmup, workers);
            closed(client, base, key, workers, warmup);
            System.out.printf("measure: %d s with %d workers%n", seconds, workers);
            closed(client, base, key, workers, seconds);
            return;
        }
        int rate = Integer.parseInt(args[2]);
        System.out.printf("warm-up: %d s at %d/s%n", warmup, rate);
        run(client, base, key, rate, warmup, null);
        System.out.printf("measure: %d s at %d/s%n", seconds, rate);
        long[] latencies = new long[rate * seconds];
        Result result = run(client, base, key, rate, seconds, latencies);
        report(result, latencies, rate, seconds);
    }

    record Result(int sent, int created, Map<String, Integer> failures, long wallNanos) {
    }

    static Result run(HttpClient client, String base, String key, int rate, int seconds, long[] latencies)
            throws InterruptedException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicInteger created = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicLong lastDone = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                pool.submit(() -> {
                    send(client, base, key, index, created, failures);
                    long done = System.nanoTime();
                    lastDone.accumulateAndGet(done, Math::max);
                    if (latencies != null) {
                        latencies[index] = done - due;
                    }
                });
            }
        }
        return new Result(total, created.get(), new TreeMap<>(failures), lastDone.get() - start);
    }

    static void closed(HttpClient client, String base, String key, int workers, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        java.util.List<Long> latencies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger created = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long began = System.nanoTime();
                        send(client, base, key, n++, created, failures);
                        latencies.add(System.nanoTime() - began);
                    }
                });
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf("created %d, failed %s in %.1f s => %.0f reports/s%n", created.get(), new TreeMap<>(failures),
                wall, created.get() / wall);
        System.out.printf("latency (ms): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
    }

    static void send(HttpClient client, String base, String key, int index, AtomicInteger created,
                     Map<String, Integer> failures) {
        String reference = UUID.randomUUID().toString();
        String body = """
                {"reporterType":"professional","forms":["non_consensual_sharing"],
                 "items":[{"url":"https://bench.example/v/%s?utm_source=x","platform":"ExampleTube","account":"u%d"}],
                 "minor":"no","policeContacted":"no","reference":"%s"}
                """.formatted(reference, index % 1000, reference);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("Idempotency-Key", reference)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                created.incrementAndGet();
            } else {
                failures.merge("HTTP " + response.statusCode(), 1, Integer::sum);
            }
        } catch (Exception e) {
            failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    static void report(Result result, long[] latencies, int rate, int seconds) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double wall = result.wallNanos() / 1e9;
        System.out.printf("sent %d, created %d, failed %s%n", result.sent(), result.created(), result.failures());
        System.out.printf("offered %d/s for %d s; completed in %.1f s => %.0f reports/s sustained%n",
                rate, seconds, wall, result.created() / wall);
        System.out.printf("latency from due time (ms): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
