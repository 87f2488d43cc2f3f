package org.recourse.platform.internal.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Runs again the reactions to events that did not finish. Modules react to each other's events
 * ({@code @ApplicationModuleListener}) after the publishing transaction has committed; the event
 * publication registry remembers each reaction until it completes. A reaction that threw, or whose
 * node was stopped or killed while it ran, would otherwise wait forever: an accepted report never
 * queued for assessment, a withdrawal whose hashes stay banked. Every reaction is written to be run
 * twice without effect (decision 0024).
 */
@Component
class RetryingUnfinishedEvents {

    private static final Logger log = LoggerFactory.getLogger(RetryingUnfinishedEvents.class);

    private final JdbcClient jdbc;
    private final FailedEventPublications failed;
    private final EventRetrySettings settings;
    private final Clock clock;

    RetryingUnfinishedEvents(JdbcClient jdbc, FailedEventPublications failed, EventRetrySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.failed = failed;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Marks reactions that were left unfinished as failed, then runs again the failed ones whose wait
     * has passed.
     *
     * @return how many reactions were started again
     */
    int retryDue() {
        Instant now = clock.instant();
        int abandoned = jdbc.sql("""
                        update event_publication set status = 'FAILED'
                         where status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                           and coalesce(last_resubmission_date, publication_date) < ?""")
                .param(Timestamp.from(now.minus(settings.staleAfter()))).update();
        if (abandoned > 0) {
            log.warn("{} event reaction(s) left unfinished for over {} (a node stopped while they ran?); they run again",
                    abandoned, settings.staleAfter());
        }
        AtomicInteger started = new AtomicInteger();
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(settings.batch())
                .withMaxInFlight(settings.batch())
                .withFilter(publication -> {
                    if (!isDue(publication, now)) {
                        return false;
                    }
                    started.incrementAndGet();
                    // Names only: an event's content may hold a case's details.
                    log.warn("Running again a reaction to {} published at {} (run {})",
                            publication.getEvent().getClass().getSimpleName(), publication.getPublicationDate(),
                            publication.getCompletionAttempts() + 1);
                    return true;
                }));
        return started.get();
    }

    private boolean isDue(EventPublication publication, Instant now) {
        // The registry counts runs (1 after the first) and sets the last run's start to the publication date at first.
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !last.plus(settings.waitAfter(publication.getCompletionAttempts())).isAfter(now);
    }
}
