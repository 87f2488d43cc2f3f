package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.recourse.RecourseTest;
import org.recourse.assessment.TakedownDecided;
import org.recourse.directory.internal.hosting.DnsLookup;
import org.recourse.evidence.internal.fetch.AddressPolicy;
import org.recourse.evidence.internal.fetch.LoopbackTestServers;
import org.recourse.intake.Forms;
import org.recourse.intake.ReportedItem;
import org.junit.jupiter.api.AfterEach;
import org.recourse.support.MutableClock;
import org.recourse.support.StaffHttp;
import org.recourse.support.SwitchableSmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One application context for the takedown integration tests: the real application, with the
 * evidence module's test-only address policy (so the safe fetcher reaches websites on loopback),
 * notices sent to GreenMail (through {@link #SMTP}, which a test can make refuse), a clock tests
 * move ({@link MutableClock}), platform APIs and RDAP servers played by WireMock, DNS answered
 * from a table ({@link FakeDns}), and short timings: items decided
 * more than 30 minutes ago are due for their first notice, online checks run a second apart.
 */
@RecourseTest
public abstract class TakedownIntegrationTest {

    public static final GreenMail MAIL = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
    public static final WireMockServer PLATFORM_API = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    public static final String REPLIES_MAILBOX = "replies@recourse.test";

    static {
        MAIL.start();
        MAIL.setUser(REPLIES_MAILBOX, REPLIES_MAILBOX, "secret");
        PLATFORM_API.start();
    }

    /** The mail server notices are sent through: passes everything on to GreenMail until a test makes it refuse. */
    public static final SwitchableSmtpServer SMTP = new SwitchableSmtpServer("127.0.0.1", MAIL.getSmtp().getPort());

    @TestBean
    AddressPolicy addressPolicy;

    static AddressPolicy addressPolicy() {
        return new LoopbackTestServers();
    }

    public static final FakeDns DNS = new FakeDns();

    @TestBean
    DnsLookup dnsLookup;

    static DnsLookup dnsLookup() {
        return DNS;
    }

    /** The test settings, also used to start a second node in the same JVM. */
    public static Map<String, Object> testProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("recourse.takedown.workers", true);
        // These contexts let the safe fetcher reach loopback test sites; evidence capture jobs of
        // other tests must not run here, where a loopback capture would wrongly succeed.
        properties.put("recourse.evidence.capture.worker", false);
        properties.put("recourse.takedown.mail.host", "127.0.0.1");
        properties.put("recourse.takedown.mail.port", SMTP.port());
        properties.put("recourse.takedown.notices.first-within", "30m");
        properties.put("recourse.takedown.notices.renotice-after", "24h");
        properties.put("recourse.takedown.notices.plan-interval", "1s");
        properties.put("recourse.outbox.interval", "300ms");
        properties.put("recourse.outbox.lease", "3s");
        properties.put("recourse.takedown.monitoring.min-interval", "1s");
        properties.put("recourse.takedown.monitoring.max-interval", "2s");
        properties.put("recourse.takedown.monitoring.miss-spacing", "1s");
        properties.put("recourse.takedown.monitoring.poll-interval", "300ms");
        properties.put("recourse.takedown.replies.protocol", "imap");
        properties.put("recourse.takedown.replies.host", "127.0.0.1");
        properties.put("recourse.takedown.replies.port", MAIL.getImap().getPort());
        properties.put("recourse.takedown.replies.username", REPLIES_MAILBOX);
        properties.put("recourse.takedown.replies.password", "secret");
        properties.put("recourse.takedown.notifier.name", "Helpwanted Test");
        properties.put("recourse.takedown.notifier.email", "notices@helpwanted.example.org");
        return properties;
    }

    @DynamicPropertySource
    static void takedownProperties(DynamicPropertyRegistry registry) {
        testProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    protected int port;
    /** The application's clock: tests move it forward instead of sleeping; it is back on the system clock after each test. */
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ApplicationEventPublisher events;
    @Autowired
    protected TransactionTemplate transactions;
    @Autowired
    protected org.recourse.intake.Cases cases;

    /** A case as the reporter knows it. */
    public record Reported(UUID caseId, String caseNumber, String secret) {
    }

    /** Every message GreenMail received for {@code address}. */
    protected static List<jakarta.mail.internet.MimeMessage> mailTo(String address) {
        return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** A reported case with the given URLs, submitted through the public form; returns its id. */
    protected UUID report(String... urls) {
        return reportWithCredentials(urls).caseId();
    }

    protected Reported reportWithCredentials(String... urls) {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "deepfake").and("urls", String.join("\n", urls))
                .post(http, "/report");
        assertThat(page.status()).isEqualTo(200);
        String number = page.document().getElementById("case-number").text();
        return new Reported(cases.findByNumber(number).orElseThrow().id(), number, page.document().getElementById("secret").text());
    }

    /** The reporter's status page, in English, after signing in with case number and secret. */
    protected org.jsoup.nodes.Document statusPage(Reported reported) {
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/report");
        reporter.get("/status");
        StaffHttp.Page signedIn = reporter.postForm("/status", java.util.Map.of("caseNumber", reported.caseNumber(),
                "secret", reported.secret()));
        assertThat(signedIn.redirectsTo("/status/case")).isTrue();
        return reporter.get("/status/case").document();
    }

    /** A recipient in the directory with the given notice channels (null for none). */
    protected String recipient(String name, boolean trustedFlagger, String email, String api, String form, String... languages) {
        return recipient("t-" + UUID.randomUUID().toString().substring(0, 8), name, trustedFlagger, email, api, form, languages);
    }

    protected String recipient(String key, String name, boolean trustedFlagger, String email, String api, String form,
                               String... languages) {
        jdbc.sql("""
                        insert into directory_organisation (id, key, name, kind, trusted_flagger, notice_email, notice_api, notice_form,
                            languages, domains, version, updated_at, updated_by)
                        values (?, ?, ?, 'hoster', ?, ?, ?, ?, ?::text[], ?::text[], 1, now(), 'test')""")
                .params(UUID.randomUUID(), key, name + " " + key, trustedFlagger, email, api, form,
                        "{" + String.join(",", languages) + "}", "{" + key + ".example}")
                .update();
        return key;
    }

    /** Marks a recipient's notice e-mail address in the directory as one that processes X-ARF reports. */
    protected void takesXarf(String recipientKey) {
        jdbc.sql("update directory_organisation set notice_xarf = true where key = ?").param(recipientKey).update();
    }

    /** What the assessment module publishes when a take-down decision takes effect. */
    protected TakedownDecided decide(UUID caseId, ReportedItem item, String platformKey, boolean csam, Instant decidedAt) {
        return decide(caseId, item, platformKey, csam, decidedAt, "deepfake");
    }

    protected TakedownDecided decide(UUID caseId, ReportedItem item, String platformKey, boolean csam, Instant decidedAt,
                                     String form) {
        TakedownDecided decided = new TakedownDecided(UUID.randomUUID(), caseId, item.id(), item.url(), platformKey, "ILLEGAL",
                List.of(form), List.of("art. 139h Sr"), "Sexual deepfake of the reporter, made and shared without consent.",
                csam, "analyst-a", "analyst-b", decidedAt);
        transactions.executeWithoutResult(status -> events.publishEvent(decided));
        return decided;
    }

    /** A decision time whose grouping delay has passed. */
    protected Instant longAgo() {
        return clock.instant().minus(Duration.ofMinutes(31));
    }

    @Autowired
    protected org.recourse.takedown.internal.notices.PlanningNotices planning;
    @Autowired
    protected org.recourse.platform.Outbox outbox;

    /**
     * Plans and delivers everything due now, on the test's thread: when it returns, whatever the
     * workers would do at this moment is done, so a test can assert that something did not happen
     * without sleeping.
     */
    protected void planAndSendDue() {
        org.recourse.audit.AuditActor.runAs("system:test", () -> {
            planning.plan();
            outbox.deliverDue();
        });
    }

    @AfterEach
    void backToNormal() {
        clock.reset();
        SMTP.accept();
    }
}
