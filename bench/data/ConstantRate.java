package data;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate HTTP/1.1 load, measured the way wrk2 does it: request i is due at start + i / rate,
 * and its latency counts from that moment — so a slow server cannot slow the generator down and hide
 * its own latency (no coordinated omission). Requests go over a fixed pool of persistent connections
 * (as a partner's or platform's client would keep them), all driven by one event loop ({@link Driver});
 * when every connection is busy, due requests wait and that wait is counted.
 *
 * <p>The client is a few lines of plain non-blocking sockets on purpose: it shares the machine with the
 * server, and the JDK's HttpClient cost about 1.8 ms of CPU per request here — as much as the server it
 * was measuring. Used by the intake benchmark (reports) and the match benchmark (look-ups).
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
        Driver driver = new Driver(base, requests, total, TimeUnit.SECONDS.toNanos(1) / rate, connections);
        long cpuBefore = processCpuNanos();
        Thread thread = Thread.ofPlatform().daemon().name("constant-rate").start(driver);
        thread.join();
        if (driver.error != null) {
            throw new IllegalStateException("the load generator failed", driver.error);
        }
        return new Result(total, driver.succeeded, new TreeMap<>(driver.failures), driver.lastDone - driver.start, driver.latencies,
                driver.waits, driver.connected, processCpuNanos() - cpuBefore, driver.cpuNanos);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * One thread drives every connection through a selector: it sends each request when it is due
     * on a free connection and reads the answers as they come. A thread per connection cost this
     * shared machine a park, a wake-up and a blocking poll per request (an eighth of the two cores at
     * 5,000 requests/s); one event loop costs a fraction of that, so more of the cores are left to
     * the server being measured. The timing is the same: latency from the due time, and a request
     * that finds every connection busy waits for one, counted.
     */
    static final class Driver implements Runnable {
        /** Below this wait the selector's millisecond timeout is too coarse: park for the exact time instead. */
        private static final long PARK_BELOW = TimeUnit.MILLISECONDS.toNanos(1);
        private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(30);

        private final URI base;
        private final Requests requests;
        private final int total;
        private final long interval;
        private final int connections;
        final long[] latencies;
        final long[] waits;
        final boolean[] connected;
        final Map<String, Integer> failures = new TreeMap<>();
        int succeeded;
        long start;
        long lastDone;
        long cpuNanos;
        Throwable error;

        Driver(URI base, Requests requests, int total, long interval, int connections) {
            this.base = base;
            this.requests = requests;
            this.total = total;
            this.interval = interval;
            this.connections = connections;
            this.latencies = new long[total];
            this.waits = new long[total];
            this.connected = new boolean[total];
        }

        @Override
        public void run() {
            long cpuAtStart = THREADS.getCurrentThreadCpuTime();
            try (Selector selector = Selector.open()) {
                drive(selector);
            } catch (Throwable e) {
                error = e;
            }
            cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        }

        private void drive(Selector selector) throws IOException {
            ArrayDeque<Connection> free = new ArrayDeque<>();
            for (int c = 0; c < connections; c++) {
                free.add(new Connection(base, selector, requests.expectedStatus()));
            }
            start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            int next = 0;
            int done = 0;
            long nextTimeoutCheck = start;
            while (done < total) {
                long now = System.nanoTime();
                while (next < total && start + next * interval <= now && !free.isEmpty()) {
                    Connection connection = free.poll();
                    String failed = connection.send(next, requests.request(base, next), now);
                    next++;
                    if (failed != null) {
                        done += finish(connection, failed, free);
                    }
                }
                long untilDue = next < total && !free.isEmpty() ? start + next * interval - now : Long.MAX_VALUE;
                if (untilDue <= 0) {
                    continue;
                }
                if (untilDue < PARK_BELOW) {
                    LockSupport.parkNanos(untilDue);
                    selector.selectNow();
                } else {
                    selector.select(Math.min(untilDue / 1_000_000, 100));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    done += finish(connection, connection.readable(), free);
                }
                selector.selectedKeys().clear();
                now = System.nanoTime();
                if (now >= nextTimeoutCheck) {
                    nextTimeoutCheck = now + TimeUnit.MILLISECONDS.toNanos(100);
                    for (SelectionKey key : selector.keys()) {
                        Connection connection = (Connection) key.attachment();
                        if (connection.index >= 0 && now - connection.sentAt > TIMEOUT) {
                            connection.close();
                            done += finish(connection, "SocketTimeoutException", free);
                        }
                    }
                }
            }
        }

        /**
         * Records what a connection's read gave: nothing yet ({@link Connection#PENDING}), or the outcome
         * of its request (null for the expected status), after which the connection is free again.
         */
        private int finish(Connection connection, String outcome, ArrayDeque<Connection> free) {
            if (outcome == Connection.PENDING) {
                return 0;
            }
            int i = connection.index;
            long now = System.nanoTime();
            connected[i] = connection.opened;
            latencies[i] = now - (start + i * interval);
            waits[i] = now - connection.sentAt;
            lastDone = Math.max(lastDone, now);
            if (outcome == null) {
                succeeded++;
            } else {
                failures.merge(outcome, 1, Integer::sum);
            }
            connection.index = -1;
            free.add(connection);
            return 1;
        }
    }

    /** One persistent non-blocking connection; reconnects when the server closes it. */
    static final class Connection {
        static final String PENDING = new String("pending");

        private final URI base;
        private final Selector selector;
        private final int expectedStatus;
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private ByteBuffer out;
        private byte[] request;
        private boolean retried;
        /** The request in flight, or -1. */
        int index = -1;
        long sentAt;
        /** Whether the request in flight had to open the connection (the first of each, and after the server closed one). */
        boolean opened;

        Connection(URI base, Selector selector, int expectedStatus) {
            this.base = base;
            this.selector = selector;
            this.expectedStatus = expectedStatus;
        }

        /** Sends request {@code i}, which was due before {@code now}; returns null, or why it could not be sent. */
        String send(int i, byte[] bytes, long now) {
            index = i;
            sentAt = now;
            request = bytes;
            retried = false;
            opened = false;
            String failed = write();
            if (failed != null) {
                close();
            }
            return failed;
        }

        private String write() {
            try {
                if (channel == null) {
                    channel = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
                    opened = true;
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                    key = channel.register(selector, SelectionKey.OP_READ, this);
                }
                in.clear();
                out = ByteBuffer.wrap(request);
                channel.write(out);
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                return null;
            } catch (IOException e) {
                return e.getClass().getSimpleName();
            }
        }

        /** Moves the request on; returns {@link #PENDING}, or its outcome (null: the expected status). */
        String readable() {
            try {
                if (key == null) {
                    return PENDING;
                }
                if (key.isValid() && key.isWritable() && out.hasRemaining()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (!key.isValid() || !key.isReadable()) {
                    return PENDING;
                }
                if (!in.hasRemaining()) {
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                }
                int read = channel.read(in);
                if (read < 0) {
                    return closed();
                }
                if (index < 0) {
                    return PENDING;
                }
                Response response = Response.parse(in.array(), in.position());
                if (response == null) {
                    return PENDING;
                }
                if (response.closing()) {
                    close();
                }
                return response.status() == expectedStatus ? null : "HTTP " + response.status();
            } catch (IOException e) {
                close();
                // An idle connection that fails (reset by the server) has no request to fail: the next send reopens it.
                return index < 0 ? PENDING : e.getClass().getSimpleName();
            }
        }

        /** The server closed the connection: a kept-alive one closed before any answer is retried once on a fresh one. */
        private String closed() {
            boolean nothingRead = in.position() == 0;
            close();
            if (index < 0) {
                return PENDING;
            }
            if (nothingRead && !retried) {
                retried = true;
                String failed = write();
                return failed == null ? PENDING : failed;
            }
            return "IOException";
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                channel = null;
                key = null;
            }
        }
    }

    /** A complete HTTP/1.1 response head and body (Content-Length or chunked) at the start of a buffer. */
    record Response(int status, boolean closing) {

        /** The response in {@code bytes[0..length)}, or null while it is incomplete. Reads bytes, makes no strings. */
        static Response parse(byte[] bytes, int length) {
            int headEnd = indexOf(bytes, 0, length, CRLF_CRLF);
            if (headEnd < 0) {
                return null;
            }
            int status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
            long contentLength = -1;
            boolean chunked = false;
            boolean closing = false;
            for (int line = indexOf(bytes, 0, headEnd, CRLF) + 2; line > 1 && line < headEnd; ) {
                int lineEnd = indexOf(bytes, line, headEnd + 2, CRLF);
                if (startsWithIgnoringCase(bytes, line, lineEnd, "content-length:")) {
                    contentLength = number(bytes, line + 15, lineEnd, 10);
                } else if (startsWithIgnoringCase(bytes, line, lineEnd, "transfer-encoding:")) {
                    chunked = containsIgnoringCase(bytes, line + 18, lineEnd, "chunked");
                } else if (startsWithIgnoringCase(bytes, line, lineEnd, "connection:")) {
                    closing = containsIgnoringCase(bytes, line + 11, lineEnd, "close");
                }
                line = lineEnd + 2;
            }
            int body = headEnd + 4;
            if (!chunked) {
                return length - body >= Math.max(0, contentLength) ? new Response(status, closing) : null;
            }
            int at = body;
            while (true) {
                int lineEnd = indexOf(bytes, at, length, CRLF);
                if (lineEnd < 0) {
                    return null;
                }
                long chunk = number(bytes, at, lineEnd, 16);
                at = lineEnd + 2;
                if (chunk == 0) {
                    // trailers, then the empty line
                    while (true) {
                        int end = indexOf(bytes, at, length, CRLF);
                        if (end < 0) {
                            return null;
                        }
                        if (end == at) {
                            return new Response(status, closing);
                        }
                        at = end + 2;
                    }
                }
                at += (int) chunk + 2;
                if (at > length) {
                    return null;
                }
            }
        }

        /** The number at the start of {@code bytes[from..end)} after spaces, in base 10 or 16; stops at anything else (";" of a chunk extension). */
        private static long number(byte[] bytes, int from, int end, int radix) {
            long value = 0;
            int i = from;
            while (i < end && bytes[i] == ' ') {
                i++;
            }
            for (; i < end; i++) {
                int digit = Character.digit(bytes[i], radix);
                if (digit < 0) {
                    break;
                }
                value = value * radix + digit;
            }
            return value;
        }

        private static boolean startsWithIgnoringCase(byte[] bytes, int from, int end, String prefix) {
            if (end - from < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (Character.toLowerCase(bytes[from + i]) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean containsIgnoringCase(byte[] bytes, int from, int end, String word) {
            for (int i = from; i <= end - word.length(); i++) {
                if (startsWithIgnoringCase(bytes, i, end, word)) {
                    return true;
                }
            }
            return false;
        }

        private static final byte[] CRLF = {'\r', '\n'};
        private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

        private static int indexOf(byte[] bytes, int from, int length, byte[] what) {
            outer:
            for (int i = from; i <= length - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (bytes[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
