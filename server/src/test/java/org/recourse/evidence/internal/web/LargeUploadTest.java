package org.recourse.evidence.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 200 MB upload streams through a server whose heap is capped at 256 MB: a second server
 * node is started in its own JVM with {@code -Xmx256m} on this test's database (as a cluster
 * node would be), the file is generated while it is sent, and hashed on the way in and out.
 */
@RecourseTest
class LargeUploadTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    @Autowired JdbcClient jdbc;
    @Value("${recourse.data-dir}") Path dataDir;

    @Test
    void twoHundredMegabytesStreamInAndOutOfAServerWithA256MegabyteHeap() throws Exception {
        Process node = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                RecourseApplication.class.getName(), "--server.port=0", "--recourse.data-dir=" + dataDir.toAbsolutePath(),
                "--recourse.db.embedded-fresh=false", "--logging.level.root=WARN",
                // The node is killed at the end; a job it had picked would stay claimed by a dead node.
                "--db-scheduler.enabled=false",
                "--logging.level.org.springframework.boot.tomcat=INFO"))
                .redirectErrorStream(true).start();
        try {
            int port = awaitPort(node);
            VaultHttp analyst = new VaultHttp(port).signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
            UUID caseId = UUID.randomUUID();
            analyst.get("/staff");
            MessageDigest sent = MessageDigest.getInstance("SHA-256");

            VaultHttp.Response stored = analyst.put("/staff/evidence/cases/" + caseId + "/files", "video/mp4", "large.mp4",
                    HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new DigestInputStream(generated(), sent)), SIZE));

            assertThat(stored.status()).as(stored.text()).isEqualTo(201);
            String sha256 = HexFormat.of().formatHex(sent.digest());
            assertThat(stored.text()).contains("\"sha256\":\"" + sha256 + "\"", "\"size\":" + SIZE);
            assertThat(node.isAlive()).as("the capped node survived").isTrue();

            String id = stored.text().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            long length;
            try (InputStream in = new DigestInputStream(analyst.stream("/staff/evidence/objects/" + id + "/download"), received)) {
                length = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertThat(length).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sha256);
            assertThat(node.isAlive()).isTrue();
        } finally {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    /** 200 MB of pseudo-random bytes made as they are read; never in memory whole. */
    private static InputStream generated() {
        Random random = new Random(42);
        return new InputStream() {
            private long left = SIZE;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    private static int awaitPort(Process node) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the second node exited before serving"));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        });
        return port.get(Duration.ofMinutes(4).toSeconds(), TimeUnit.SECONDS);
    }
}
