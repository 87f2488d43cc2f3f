package org.recourse.takedown.internal.responses;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.recourse.platform.DemoPlatforms;
import org.recourse.platform.Outbox;
import org.recourse.takedown.internal.notices.PlanningNotices;
import org.recourse.takedown.internal.notices.PublishingOverdue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's take-down work and its platforms. Four times a day the notices due are planned (first
 * notices and re-notices) and delivered in simulation, and overdue notices are announced; in the
 * evening each synthetic platform answers the notices it received the way it does: the fast one
 * within hours and removes almost everything, the slow one after days and removes about half, the
 * silent one never. When a platform answers is drawn from the notice's own id, so a seed gives the
 * same year.
 */
@Component
class TakedownDemo implements DemoActor {

    private final PlanningNotices planning;
    private final PublishingOverdue overdue;
    private final RecordingResponses responses;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    TakedownDemo(PlanningNotices planning, PublishingOverdue overdue, RecordingResponses responses, Outbox outbox, JdbcClient jdbc) {
        this.planning = planning;
        this.overdue = overdue;
        this.responses = responses;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("select exists (select 1 from takedown_notice where recipient_key not like 'demo-%')").query(Boolean.class).single();
    }

    @Override
    public void act(DemoDay day) {
        for (int hour : new int[] {9, 13, 17, 21}) {
            day.moveTo(hour * 60);
            AuditActor.runAs("system:takedown-planning", planning::plan);
            outbox.deliverDue();
            AuditActor.runAs("system:takedown-overdue", () -> {
                int claimed;
                do {
                    claimed = overdue.publishDue();
                } while (claimed >= PublishingOverdue.BATCH);
            });
        }
        day.moveTo(21 * 60 + 30);
        answer(day.time().now());
    }

    /** @param draw what the platform's answer is drawn from: the notice's items and kind, the same for the same seed */
    private record Open(UUID id, String recipientKey, Instant sentAt, boolean acknowledged, String draw) {
    }

    private void answer(Instant now) {
        List<Open> open = jdbc.sql("""
                        select n.id, n.recipient_key, n.sent_at, n.acknowledged_at is not null as acknowledged,
                               n.kind || ' ' || (select string_agg(i.url, ' ' order by i.url) from takedown_notice_item ni
                                                 join takedown_item i on i.id = ni.item_id where ni.notice_id = n.id) as draw
                        from takedown_notice n
                        where n.status = 'sent' and n.decided_at is null and n.recipient_key like 'demo-%' and n.sent_at <= ?
                        order by n.sent_at, n.id""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getString("recipient_key"),
                        rs.getTimestamp("sent_at").toInstant(), rs.getBoolean("acknowledged"), rs.getString("draw")))
                .list();
        for (Open notice : open) {
            DemoPlatforms.Behaviour behaviour = DemoPlatforms.byKey(notice.recipientKey()).map(DemoPlatforms.Platform::behaviour)
                    .orElse(DemoPlatforms.Behaviour.SILENT);
            SplittableRandom random = new SplittableRandom(notice.draw().hashCode() * 0x9E3779B97F4A7C15L);
            Plan plan = plan(behaviour, random);
            if (plan == null) {
                continue;
            }
            Instant acknowledgedAt = notice.sentAt().plus(plan.acknowledgeAfter());
            if (!notice.acknowledged() && !acknowledgedAt.isAfter(now)) {
                record(notice, "acknowledgement", null, acknowledgedAt);
            }
            Instant decidedAt = plan.decision() == null ? null : notice.sentAt().plus(plan.decideAfter());
            if (decidedAt != null && !decidedAt.isAfter(now)) {
                record(notice, "decision", plan.decision(), decidedAt);
            }
        }
    }

    /** When and how a platform answers a notice; null when it never does. */
    private record Plan(Duration acknowledgeAfter, String decision, Duration decideAfter) {
    }

    private static Plan plan(DemoPlatforms.Behaviour behaviour, SplittableRandom random) {
        return switch (behaviour) {
            case FAST -> new Plan(Duration.ofMinutes(60 + random.nextInt(7 * 60)), random.nextDouble() < 0.9 ? "removed" : "refused",
                    Duration.ofHours(6 + random.nextInt(30)));
            case SLOW -> {
                if (random.nextDouble() < 0.25) {
                    yield null;
                }
                double r = random.nextDouble();
                yield new Plan(Duration.ofHours(30 + random.nextInt(5 * 24)), r < 0.5 ? "removed" : r < 0.75 ? "refused" : null,
                        Duration.ofDays(4 + random.nextInt(16)));
            }
            case SILENT -> null;
        };
    }

    private void record(Open notice, String kind, String decision, Instant at) {
        String messageId = "<demo-" + kind + "-" + notice.id() + "@" + notice.recipientKey() + ".demo.invalid>";
        AuditActor.runAs("demo:" + notice.recipientKey(), () -> responses.record(notice.id(), new RecordingResponses.Response(kind,
                decision, "refused".equals(decision) ? "[synthetisch] Not against our terms of service." : null, "email", messageId, at,
                "demo")));
    }
}
