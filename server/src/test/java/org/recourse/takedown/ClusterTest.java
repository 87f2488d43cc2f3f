package org.recourse.takedown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.PartnerKeys;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.internal.api.ApiKeys;
import org.recourse.platform.CliCommand;
import org.recourse.support.NodeProcess;
import org.recourse.support.S3MockServer;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several nodes on one PostgreSQL and one S3-compatible evidence store (Adobe S3Mock in its own
 * JVM): this test's application is one node, the other runs in a JVM of its own, started as an
 * operator starts a node. Together they send, check and seal without doing anything twice; an
 * evidence object one stores the other reads; a key revoked on one is refused by both; and a node
 * killed with {@code kill -9} while it holds a notice loses nothing and sends nothing twice — the
 * other node sends that notice once its lease has run out.
 */
// Its own application (evidence on S3); closed after the class so its workers do not outlive it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClusterTest extends TakedownIntegrationTest {

    private static final String BUCKET = "cluster-evidence";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final S3MockServer S3 = startS3();

    @Autowired
    EvidenceVault vault;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    List<CliCommand> commands;
    @Value("${recourse.data-dir}")
    Path dataDir;

    private static S3MockServer startS3() {
        try {
            return S3MockServer.start(BUCKET);
        } catch (Exception e) {
            throw new IllegalStateException("S3Mock did not start", e);
        }
    }

    static Map<String, Object> s3Properties() {
        return Map.of("recourse.evidence.storage", "s3", "recourse.evidence.s3.endpoint", S3.endpoint(),
                "recourse.evidence.s3.bucket", BUCKET, "recourse.evidence.s3.access-key", "cluster",
                "recourse.evidence.s3.secret-key", "cluster-secret");
    }

    @DynamicPropertySource
    static void onS3(DynamicPropertyRegistry registry) {
        s3Properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopS3() {
        // The application closes after this; an S3 store gone a moment before it is a store that is down, which it survives.
        S3.close();
    }

    /** The other node, in its own JVM, on this test's database, mail server and evidence store. */
    NodeProcess otherNode(Map<String, Object> overrides) throws Exception {
        Map<String, Object> properties = new HashMap<>(testProperties());
        properties.putAll(s3Properties());
        properties.put("recourse.data-dir", dataDir.toAbsolutePath());
        properties.put("recourse.db.embedded-fresh", false);
        properties.put("recourse.audit.seal-interval", "1s");
        properties.put("spring.main.allow-bean-definition-overriding", true);
        properties.put("logging.level.root", "WARN");
        properties.putAll(overrides);
        return NodeProcess.start(ClusterNode.class.getName(), List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), properties);
    }

    List<String> notices(String prefix) {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().startsWith(prefix))) {
                    ids.add(message.getMessageID());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    /** Cases of ten items, each item for its own recipient, so each becomes its own notice. */
    List<String> queueNotices(String prefix, int count, List<String> urls) {
        List<ReportedItem> items = new ArrayList<>();
        for (int from = 0; from < count; from += 10) {
            UUID caseId = report(urls.subList(from, Math.min(count, from + 10)).toArray(String[]::new));
            items.addAll(cases.items(caseId));
        }
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String recipient = recipient("Node test " + i, false, prefix + i + "@host.test", null, null, "en");
            recipients.add(recipient);
            decide(items.get(i).caseId(), items.get(i), recipient, false, longAgo());
        }
        return recipients;
    }

    @Test
    void twoNodesShareSendsChecksAndSealsWithoutDuplicatesAndOneEvidenceStore() throws Exception {
        try (NodeProcess other = otherNode(Map.of()); TestWebsite site = new TestWebsite()) {
            String prefix = "node-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            int count = 40;
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                site.page("/" + prefix + i, "text/html", ("page " + i).getBytes(StandardCharsets.UTF_8));
                urls.add(site.url("/" + prefix + i).toString());
            }
            List<String> recipients = queueNotices(prefix, count, urls);

            await("every notice is mailed", Duration.ofSeconds(60), () -> notices(prefix).size() >= count);
            await("every item is checked a few times", Duration.ofSeconds(60), () -> jdbc.sql("""
                    select count(*) from takedown_check c join takedown_item i on i.id = c.item_id
                    where i.recipient_key = any(?)""").param(recipients.toArray(String[]::new)).query(Long.class).single() >= 3L * count);
            // Nothing more is sent once every notice is out: the count holds for a second.
            org.awaitility.Awaitility.await("no notice is sent twice").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> notices(prefix).size() == count);

            List<String> ids = notices(prefix);
            assertThat(ids).hasSize(count).doesNotHaveDuplicates();
            List<String> senders = jdbc.sql("select distinct sent_by from takedown_notice where recipient_key = any(?)")
                    .param(recipients.toArray(String[]::new)).query(String.class).list();
            List<String> checkers = jdbc.sql("""
                    select distinct c.checked_by from takedown_check c join takedown_item i on i.id = c.item_id
                    where i.recipient_key = any(?)""").param(recipients.toArray(String[]::new)).query(String.class).list();
            assertThat(java.util.stream.Stream.concat(senders.stream(), checkers.stream()).distinct())
                    .as("both nodes did part of the work").hasSize(2)
                    .anySatisfy(node -> assertThat(node).startsWith(other.pid() + "@"));
            // No item was checked by two nodes at the same moment: consecutive checks of an item are at least the interval apart.
            assertThat(jdbc.sql("""
                    select count(*) from (select c.item_id, c.checked_at,
                        lag(c.checked_at) over (partition by c.item_id order by c.checked_at) as previous
                        from takedown_check c join takedown_item i on i.id = c.item_id where i.recipient_key = any(?)) t
                    where previous is not null and checked_at - previous < interval '500 milliseconds'""")
                    .param(recipients.toArray(String[]::new)).query(Long.class).single()).isZero();

            // Both nodes sealed the audit trail the whole time: every entry once, in one unbroken chain.
            await("the trail is sealed", Duration.ofSeconds(20),
                    () -> jdbc.sql("select count(*) from audit_unsealed").query(Long.class).single() == 0L);
            assertThat(auditVerify()).startsWith("audit trail intact");

            // One evidence store: what this node stored, the other reads back byte for byte (and decrypts with the same key).
            byte[] file = new byte[300_000];
            new Random(7).nextBytes(file);
            EvidenceRecord stored = vault.storeReporterFile(UUID.randomUUID(), "cluster.bin", "application/octet-stream",
                    new ByteArrayInputStream(file));
            StaffHttp analyst = new StaffHttp(other.port());
            analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
            HttpResponse<byte[]> read = analyst.download("/staff/evidence/objects/" + stored.id() + "/download");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(sha256(read.body())).isEqualTo(sha256(file)).isEqualTo(stored.sha256());
        }
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedByBoth() throws Exception {
        try (NodeProcess other = otherNode(Map.of("db-scheduler.enabled", false))) {
            ApiKeys.CreatedKey key = apiKeys.create("Cluster platform " + UUID.randomUUID(), Set.of(PartnerKeys.MATCH_LOOKUP),
                    "test");
            assertThat(indexStatus(port, key.plainKey())).isEqualTo(200);
            assertThat(indexStatus(other.port(), key.plainKey())).as("the other node knows the key (and keeps it a while)").isEqualTo(200);

            Instant revoked = Instant.now();
            assertThat(apiKeys.revoke(key.id(), "test")).isTrue();
            assertThat(indexStatus(port, key.plainKey())).as("refused at once where it was revoked").isEqualTo(401);
            await("the other node refuses the revoked key", ApiKeys.RECHECK_AFTER.plusSeconds(5),
                    () -> indexStatus(other.port(), key.plainKey()) == 401);
            assertThat(Duration.between(revoked, Instant.now())).isLessThanOrEqualTo(ApiKeys.RECHECK_AFTER.plusSeconds(2));
            assertThat(indexStatus(port, key.plainKey())).isEqualTo(401);
        }
    }

    @Test
    void aNodeKilledMidSendLosesNothingSendsNothingTwiceAndItsWorkIsTakenOverAfterTheLease() throws Exception {
        // The other node's mail server takes the connection and never answers: whatever notice it
        // claims, it is in the middle of sending when it is killed.
        try (SilentMailServer silent = new SilentMailServer();
             NodeProcess other = otherNode(Map.of("recourse.takedown.mail.port", silent.port(), "db-scheduler.enabled", false))) {
            String prefix = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            int count = 60;
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                urls.add("https://kill.example/" + prefix + i);
            }
            queueNotices(prefix, count, urls);
            String otherNode = other.pid() + "@";
            await("the other node is sending a notice", Duration.ofSeconds(60), () -> !held(otherNode).isEmpty() && silent.connections() > 0);
            List<UUID> held = held(otherNode);

            other.kill();
            Instant killed = Instant.now();
            assertThat(other.isAlive()).isFalse();

            await("every notice is mailed", Duration.ofSeconds(60), () -> notices(prefix).size() >= count);
            Map<String, Long> perMessage = notices(prefix).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perMessage).hasSize(count);
            assertThat(perMessage.values()).containsOnly(1L);
            // A notice is recorded as sent after the mail server accepted it: the last record may follow its mail by a moment.
            java.util.function.Supplier<Long> recordedSent = () -> jdbc.sql("select count(*) from takedown_notice n where n.status = 'sent' "
                    + "and exists (select 1 from takedown_notice_item ni join takedown_item i on i.id = ni.item_id "
                    + "where ni.notice_id = n.id and i.url like ?)").param("%" + prefix + "%").query(Long.class).single();
            await("every notice is recorded as sent", Duration.ofSeconds(10), () -> recordedSent.get() >= count);
            assertThat(recordedSent.get()).isEqualTo(count);
            // What the killed node held was sent by this node once the lease had run out, and not long after.
            for (UUID entry : held) {
                Map<String, Object> row = jdbc.sql("select status, claimed_by, sent_at, attempts from platform_outbox where id = ?")
                        .param(entry).query().singleRow();
                assertThat(row.get("status")).isEqualTo("SENT");
                assertThat((String) row.get("claimed_by")).doesNotStartWith(otherNode);
                Instant sentAt = ((Timestamp) row.get("sent_at")).toInstant();
                assertThat(Duration.between(killed, sentAt)).as("taken over within the lease and a few polls")
                        .isLessThan(LEASE.plusSeconds(3));
                assertThat((Integer) row.get("attempts")).isEqualTo(2);
            }
        }
    }

    /** Outbox entries the node is sending now. */
    private List<UUID> held(String nodePrefix) {
        return jdbc.sql("select id from platform_outbox where status = 'SENDING' and claimed_by like ?")
                .param(nodePrefix + "%").query(UUID.class).list();
    }

    private String auditVerify() {
        CliCommand verify = commands.stream().filter(c -> c.name().equals("audit-verify")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        verify.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexStatus(int port, String key) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/m/index/status"))
                    .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** An SMTP port that accepts connections and never says a word: a sender on it waits until its timeout. */
    static final class SilentMailServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentMailServer() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
