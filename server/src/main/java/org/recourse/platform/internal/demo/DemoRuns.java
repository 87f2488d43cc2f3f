package org.recourse.platform.internal.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record that this database holds demo data, and the wait for the events between modules to settle. */
@Repository
public class DemoRuns {

    private final JdbcClient jdbc;

    DemoRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a demo filled this database: every staff page says so. */
    public boolean present() {
        return jdbc.sql("select exists (select 1 from platform_demo_run)").query(Boolean.class).single();
    }

    UUID started(long seed, int cases, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into platform_demo_run (id, seed, cases, started_at) values (?, ?, ?, ?)")
                .params(id, seed, cases, Timestamp.from(at)).update();
        return id;
    }

    void finished(UUID id, Instant at) {
        jdbc.sql("update platform_demo_run set finished_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    /**
     * Waits until every event published so far has been handled by its listeners, so the next
     * simulated moment starts from a settled chain; false when they are still busy after {@code limit}.
     */
    boolean settle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
