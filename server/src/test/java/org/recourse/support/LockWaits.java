package org.recourse.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** How many database sessions wait for a lock while running a statement that contains {@code fragment}. */
public final class LockWaits {

    private LockWaits() {
    }

    public static int waitingOn(JdbcClient jdbc, String fragment) {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?")
                .param("%" + fragment + "%").query(Integer.class).single();
    }
}
