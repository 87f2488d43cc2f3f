package org.recourse.platform.internal.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN as soon as the supervisor has seen the embedded server's process gone, without waiting for
 * a connection attempt to time out; the data source's own indicator covers an external server.
 */
final class EmbeddedDatabaseHealth implements HealthIndicator {

    private final DatabaseSupervisor supervisor;

    EmbeddedDatabaseHealth(DatabaseSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public Health health() {
        return supervisor.available() ? Health.up().build() : Health.down().build();
    }
}
