package org.recourse.matching.internal.index;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The index as health sees it: OUT_OF_SERVICE until it is built (readiness then says 503, so a
 * load balancer sends look-ups elsewhere), DEGRADED when it has not caught up with the banks for
 * longer than the stale limit, UP otherwise. Details (for administrators) say how far it has come.
 * DEGRADED ranks below UP in the aggregate (application.yml), so a stale index shows as this
 * component's status without taking the node out of service.
 */
@Component("matchIndexHealthIndicator")
class MatchIndexHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "The match index is behind the hash banks");

    private final MatchIndex index;

    MatchIndexHealth(MatchIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        MatchIndex.Status status = index.status();
        Health.Builder health = !status.ready() ? Health.outOfService() : status.stale() ? Health.status(DEGRADED) : Health.up();
        return health.withDetail("checkpoint", status.appliedSequence())
                .withDetail("syncedAt", status.syncedAt() == null ? "never" : status.syncedAt().toString())
                .withDetail("stale", status.stale())
                .withDetail("entries", status.sizes().values().stream().mapToInt(Integer::intValue).sum())
                .build();
    }
}
