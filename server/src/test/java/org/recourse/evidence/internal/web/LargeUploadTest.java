package org.recourse.evidence.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.NodeProcess;
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

    @Autowired JdbcClient jdbc;
    @Value("${recourse.data-dir}") Path dataDir;

    @Test
    void twoHundredMegabytesStreamInAndOutOfAServerWithA256MegabyteHeap() throws Exception {
        // The node is killed at the end; a job it had picked would stay claimed by a dead node.
        NodeProcess node = NodeProcess.start(RecourseApplication.class.getName(), List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                Map.of("recourse.data-dir", dataDir.toAbsolutePath(), "recourse.db.embedded-fresh", false,
                        "logging.level.root", "WARN", "db-scheduler.enabled", false));
        try {
            int port = node.port();
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
            node.close();
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
}
