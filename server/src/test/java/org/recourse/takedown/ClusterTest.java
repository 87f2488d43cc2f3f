package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.recourse.audit.AuditActor;
import org.recourse.directory.internal.hosting.DnsLookup;
import org.recourse.evidence.internal.fetch.AddressPolicy;
import org.recourse.evidence.internal.fetch.LoopbackTestServers;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.ReportedItem;
import org.recourse.platform.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Several nodes on one database: a second server instance started in this JVM (it attaches to the
 * same embedded PostgreSQL) shares sending and checking with this one without doing anything
 * twice, and a sender killed in the middle of a batch loses and repeats nothing.
 */
class ClusterTest extends TakedownIntegrationTest {

    @Autowired
    Outbox outbox;

    /**
     * The test-only policies for the second node: loopback websites allowed, DNS from the table.
     * Deliberately not annotated: it is a source of the second node only, never picked up by this test's context.
     */
    static class SecondNodeOverrides {

        @Bean
        AddressPolicy addressPolicy() {
            return new LoopbackTestServers();
        }

        @Bean
        DnsLookup dnsLookup() {
            return DNS;
        }
    }

    static ConfigurableApplicationContext secondNode() {
        Map<String, Object> properties = new HashMap<>(testProperties());
        properties.put("server.port", 0);
        properties.put("recourse.data-dir", "target/test-data");
        properties.put("recourse.db.embedded-fresh", true);
        properties.put("recourse.audit.seal-interval", "1s");
        // Notices and checks are claimed by every node without db-scheduler; its cluster jobs stay on
        // the first node, so closing this one never leaves a job claimed by a node that is gone.
        properties.put("db-scheduler.enabled", false);
        properties.put("spring.main.allow-bean-definition-overriding", true);
        // As command-line arguments: they must outrank application.yml, as the test's own properties do.
        return new SpringApplicationBuilder(RecourseApplication.class, SecondNodeOverrides.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
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
    void twoInstancesShareSendsAndChecksWithoutDuplicates() throws Exception {
        try (ConfigurableApplicationContext second = secondNode(); TestWebsite site = new TestWebsite()) {
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
            assertThat(java.util.stream.Stream.concat(senders.stream(), checkers.stream()).distinct()).hasSize(2);
            // No item was checked by two nodes at the same moment: consecutive checks of an item are at least the interval apart.
            assertThat(jdbc.sql("""
                    select count(*) from (select c.item_id, c.checked_at,
                        lag(c.checked_at) over (partition by c.item_id order by c.checked_at) as previous
                        from takedown_check c join takedown_item i on i.id = c.item_id where i.recipient_key = any(?)) t
                    where previous is not null and checked_at - previous < interval '500 milliseconds'""")
                    .param(recipients.toArray(String[]::new)).query(Long.class).single()).isZero();
        }
    }

    @Test
    void aSenderKilledInTheMiddleOfABatchLosesNoNoticeAndSendsNoneTwice() throws Exception {
        String prefix = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int count = 30;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add("https://kill.example/" + prefix + i);
        }
        Thread killed = Thread.ofVirtual().unstarted(() -> AuditActor.runAs("system:test-sender", outbox::deliverDue));
        queueNotices(prefix, count, urls);
        await("the first notices are out", Duration.ofSeconds(30), () -> !notices(prefix).isEmpty());
        killed.start();
        Thread.sleep(20);
        killed.interrupt();

        await("every notice is mailed", Duration.ofSeconds(60), () -> notices(prefix).size() >= count);
        // Past every lease the killed sender could have left: whatever it held is claimable again now, and is delivered here if it was lost.
        clock.advance(Duration.ofSeconds(4));
        planAndSendDue();
        Map<String, Long> perMessage = notices(prefix).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perMessage).hasSize(count);
        assertThat(perMessage.values()).containsOnly(1L);
        assertThat(jdbc.sql("select count(*) from takedown_notice n where n.status = 'sent' and exists (select 1 from takedown_notice_item ni "
                + "join takedown_item i on i.id = ni.item_id where ni.notice_id = n.id and i.url like ?)").param("%" + prefix + "%")
                .query(Long.class).single()).isEqualTo(count);
    }
}
