package org.recourse.takedown.internal;

import org.recourse.audit.AuditActor;
import org.recourse.takedown.internal.monitoring.CheckingOnline;
import org.recourse.takedown.internal.notices.PlanningNotices;
import org.recourse.takedown.internal.notices.PublishingOverdue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node plans notices and checks due items (the platform outbox sends them); rows are
 * claimed with SKIP LOCKED, so nodes share the work without planning or checking anything twice. Off for command-line runs and where {@code recourse.takedown.workers}
 * is false.
 */
@Component
@ConditionalOnProperty(name = "recourse.takedown.workers", havingValue = "true", matchIfMissing = true)
class TakedownWorkers {

    private final PlanningNotices planning;
    private final CheckingOnline checking;
    private final PublishingOverdue overdue;
    private final TakedownSettings settings;
    private final boolean commandLine;

    TakedownWorkers(PlanningNotices planning, CheckingOnline checking, PublishingOverdue overdue, TakedownSettings settings,
                    org.springframework.core.env.Environment environment) {
        this.planning = planning;
        this.overdue = overdue;
        this.checking = checking;
        this.settings = settings;
        this.commandLine = environment.getProperty("recourse.command-line", Boolean.class, false);
    }

    /**
     * Items are locked with SKIP LOCKED while they are grouped, so nodes planning at the same time
     * never put one item in two notices.
     */
    @Scheduled(fixedDelayString = "${recourse.takedown.notices.plan-interval:10s}", initialDelayString = "2s")
    void plan() {
        if (!commandLine) {
            AuditActor.runAs("system:takedown-planning", planning::plan);
        }
    }

    /** Keeps checking while full batches come back, so a backlog drains without waiting for the next poll. */
    @Scheduled(fixedDelayString = "${recourse.takedown.monitoring.poll-interval:10s}", initialDelayString = "3s")
    void check() {
        if (!commandLine && settings.monitoring().enabled()) {
            AuditActor.runAs("system:takedown-monitoring", () -> {
                int checked;
                do {
                    checked = checking.checkDue();
                } while (checked >= settings.monitoring().batchSize());
            });
        }
    }

    /** Announces notices that passed their SLA; drains a backlog batch by batch. */
    @Scheduled(fixedDelayString = "${recourse.takedown.notices.plan-interval:10s}", initialDelayString = "4s")
    void announceOverdue() {
        if (!commandLine) {
            AuditActor.runAs("system:takedown-overdue", () -> {
                int claimed;
                do {
                    claimed = overdue.publishDue();
                } while (claimed >= PublishingOverdue.BATCH);
            });
        }
    }
}
