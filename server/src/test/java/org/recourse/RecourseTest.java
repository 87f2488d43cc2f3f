package org.recourse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.recourse.support.EventLog;
import org.recourse.support.TestClockConfiguration;
import org.recourse.support.TestReactions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test against the whole application on a random port, backed by the real
 * embedded PostgreSQL that all tests of the JVM share (started fresh once per JVM). Tests must
 * use unique names and values: the database is shared. The application's clock is a
 * {@link org.recourse.support.MutableClock}: it follows the system clock until a test moves it
 * (and resets it when done).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "recourse.data-dir=target/test-data",
        "recourse.db.embedded-fresh=true",
        "recourse.audit.seal-interval=1s",
        "db-scheduler.polling-interval=1s",
        // Unfinished event reactions are run again only when a test asks (UnfinishedEventsTest): tests move
        // the clock by days, which would make every reaction still queued look abandoned.
        "recourse.events.interval=1h",
        // A sender whose domain passes strict e-mail checks (X-ARF validates it); .invalid would not.
        "recourse.takedown.notifier.email=notices@hotline.example.org",
        // Prometheus's scrape token (MonitoringTest); 32 characters or more.
        "recourse.metrics.token=" + RecourseTest.METRICS_TOKEN
})
@Import({TestClockConfiguration.class, EventLog.class, TestReactions.class})
public @interface RecourseTest {

    String METRICS_TOKEN = "test-metrics-token-0123456789abcdef";
}
