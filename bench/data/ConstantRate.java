package data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate HTTP/1.1 load, measured the way wrk2 does it: request i is due at start + i / rate,
 * and its latency counts from that moment — so a slow server cannot slow the generator down and hide
 * its own latency (no coordinated omission). Requests go over a fixed pool of persistent connections
 * (as a partner's or platform's client would keep them), each driven by its own thread; when every
 * connection is busy, due requests wait and that wait is counted.
 *
 * <p>The client is a few lines of plain sockets on purpose: it shares the machine with the server,
 * and the JDK's HttpClient cost about 1.8 ms of CPU per request here — as much as the server it was
 * measuring. Used by the intake benchmark (reports) and the match benchmark (look-ups).
 */
public final class ConstantRate {

    private ConstantRate() {
    }

    /** What to send: the whole request (head and body) for request {@code index}, and the status that counts as success. */
    public interface Requests {
        byte[] request(URI base, int index);

        int expectedStatus();
    }

    /** @param connected which requests opened a new connection first (the first of each connection, and after the server closed one) */
    /**
     * @param processCpuNanos CPU time this JVM used during the run (all its threads; where the server runs
     *                        in the same JVM, server and load generator together)
     * @param generatorCpuNanos CPU time the load generator's own threads used
     */
    public record Result(int sent, int succeeded, Map<String, Integer> failures, long wallNanos, long[] latencies, long[] waits,
                         boolean[] connected, long processCpuNanos, long generatorCpuNanos) {

        public void print(int rate, int seconds) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double wall = wallNanos / 1e9;
            System.out.printf("sent %d, answered as expected %d, failed %s%n", sent, succeeded, failures);
            System.out.printf("offered %d/s for %d s; completed in %.1f s => %.0f requests/s sustained%n",
                    rate, seconds, wall, succeeded / wall);
            System.out.printf("latency from due time (ms): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
            // The server's part: from the moment a request was written to its answer. The due-time
            // latency above adds the wait for a free connection on this side, which a server that
            // answers every request in bounded time cannot shorten when it is offered more than it can do.
            long[] answered = waits.clone();
            Arrays.sort(answered);
            System.out.printf("wait for the answer once sent (ms): p50 %.1f  p99 %.1f  max %.1f%n",
                    pct(answered, 50), pct(answered, 99), answered[answered.length - 1] / 1e6);
            int busy = failures.getOrDefault("HTTP 503", 0);
            System.out.printf("503 + Retry-After (overloaded): %d (%.2f %%)%n", busy, 100.0 * busy / sent);
            // Where the tail comes from: steady, or a few bad seconds (a pause, a background job)?
            StringBuilder worst = new StringBuilder("slowest seconds (second: max ms):");
            long[] maxPerSecond = new long[seconds];
            for (int i = 0; i < latencies.length; i++) {
                int second = (int) Math.min(seconds - 1, (long) i / rate);
                maxPerSecond[second] = Math.max(maxPerSecond[second], latencies[i]);
            }
            Integer[] order = new Integer[seconds];
            for (int i = 0; i < seconds; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(maxPerSecond[b], maxPerSecond[a]));
            for (int i = 0; i < Math.min(5, seconds); i++) {
                worst.append(String.format(" %d: %.0f", order[i], maxPerSecond[order[i]] / 1e6));
            }
            System.out.println(worst);
            // A server that closes kept-alive connections (Tomcat after max-keep-alive-requests) makes
            // the client connect again: are those requests the slow ones?
            int fresh = 0;
            long freshMax = 0;
            for (int i = 0; i < connected.length; i++) {
                if (connected[i]) {
                    fresh++;
                    freshMax = Math.max(freshMax, waits[i]);
                }
            }
            System.out.printf("requests on a new connection: %d (the first of each connection included), slowest %.1f ms%n",
                    fresh, freshMax / 1e6);
            // How close to the two cores' limit the run was, and whose CPU it was: latency tails grow
            // steeply as the machine nears saturation, so this tells a slower server from a busier machine.
            System.out.printf("CPU per request: %.3f ms in this JVM, of which %.3f ms the load generator's threads; machine %.0f %% busy (this JVM)%n",
                    processCpuNanos / 1e6 / sent, generatorCpuNanos / 1e6 / sent,
                    100.0 * processCpuNanos / wallNanos / Runtime.getRuntime().availableProcessors());
        }
    }


    public static Result run(URI base, Requests requests, int rate, int seconds, int connections) throws InterruptedException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[total];
        long[] waits = new long[total];
        boolean[] connected = new boolean[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicLong generatorCpu = new AtomicLong();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            threads[c] = Thread.ofPlatform().daemon().start(() -> {
                long cpuAtStart = THREADS.getCurrentThreadCpuTime();
                Connection connection = new Connection(base);
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long sending = System.nanoTime();
                    int connectsBefore = connection.connects;
                    String outcome = connection.send(requests, i);
                    connected[i] = connection.connects != connectsBefore;
                    long done = System.nanoTime();
                    latencies[i] = done - due;
                    waits[i] = done - sending;
                    lastDone.accumulateAndGet(done, Math::max);
                    if (outcome == null) {
                        succeeded.incrementAndGet();
                    } else {
                        failures.merge(outcome, 1, Integer::sum);
                    }
                }
                connection.close();
                generatorCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(total, succeeded.get(), new TreeMap<>(failures), lastDone.get() - start, latencies, waits, connected,
                processCpuNanos() - cpuBefore, generatorCpu.get());
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One persistent connection; reconnects when the server closes it. */
    static final class Connection {
        private final URI base;
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        /** How often this connection was (re)opened. */
        int connects;

        Connection(URI base) {
            this.base = base;
        }

        /** Sends request {@code index}; returns null for the expected status, otherwise what went wrong. */
        String send(Requests requests, int index) {
            byte[] request = requests.request(base, index);
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket();
                        connects++;
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                        out = socket.getOutputStream();
                        in = new BufferedInputStream(socket.getInputStream(), 8192);
                    }
                    out.write(request);
                    out.flush();
                    int status = readResponse();
                    return status == requests.expectedStatus() ? null : "HTTP " + status;
                } catch (IOException e) {
                    close();
                    // A kept-alive connection the server closed in between is retried once on a fresh one.
                    if (attempt > 0 || e instanceof java.net.SocketTimeoutException) {
                        return e.getClass().getSimpleName();
                    }
                }
            }
        }

        /** Reads status line, headers and body (Content-Length or chunked); returns the status. */
        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    in.skipNBytes(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (closing) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            throw new IOException(sb.isEmpty() ? "connection closed" : "truncated response");
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
