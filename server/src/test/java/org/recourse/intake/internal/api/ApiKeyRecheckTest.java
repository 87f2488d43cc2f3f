package org.recourse.intake.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.intake.PartnerKeys.PartnerKey;
import org.recourse.support.LockWaits;
import org.recourse.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A key that is due for its recheck is rechecked in the background, one check at a time; requests
 * are answered on the last check meanwhile (for at most {@link ApiKeys#TRUST_WHILE_RECHECKING}), so
 * none waits for the database for a key it knows. Here the test holds the key table locked, so the
 * recheck waits for as long as the test wants.
 */
@RecourseTest
class ApiKeyRecheckTest {

    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    // Each request on a thread of its own (the common pool may have a single thread on two cores).
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void resetClock() {
        clock.reset();
        threads.shutdownNow();
    }

    @Test
    void aDueKeyIsRecheckedInTheBackgroundWhileRequestsAreAnsweredOnTheLastCheckForALimitedTime() throws Exception {
        ApiKeys.CreatedKey created = AuditActor.supplyAs("test", () ->
                keys.create("Recheck " + UUID.randomUUID(), Set.of(ApiKeys.SCOPE_SUBMIT), "test"));
        assertThat(keys.authenticate(created.plainKey())).isPresent();
        clock.advance(ApiKeys.RECHECK_AFTER.plusSeconds(1));

        CompletableFuture<Optional<PartnerKey>> tooLate;
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table api_key in access exclusive mode");
            }
            CompletableFuture<Optional<PartnerKey>> due = CompletableFuture.supplyAsync(() -> keys.authenticate(created.plainKey()), threads);
            assertThat(due.get(5, TimeUnit.SECONDS)).as("the request that found the key due is answered on the last check").isPresent();
            await("its recheck waits for the table, in the background", () -> waitingOnKeys() == 1);

            CompletableFuture<Optional<PartnerKey>> meanwhile = CompletableFuture.supplyAsync(() -> keys.authenticate(created.plainKey()), threads);
            assertThat(meanwhile.get(5, TimeUnit.SECONDS)).as("answered on the last check, without the database").isPresent();
            assertThat(waitingOnKeys()).as("one recheck at a time").isEqualTo(1);

            clock.advance(ApiKeys.TRUST_WHILE_RECHECKING);
            tooLate = CompletableFuture.supplyAsync(() -> keys.authenticate(created.plainKey()), threads);
            await("past the trust window a request checks for itself", () -> waitingOnKeys() == 2);
            assertThat(tooLate).isNotDone();
            locker.rollback();
        }
        assertThat(tooLate.get(10, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void aRevokedKeyIsRefusedOnceTheRecheckAfterItsDueTimeHasSeenTheRevocation() {
        ApiKeys.CreatedKey created = AuditActor.supplyAs("test", () ->
                keys.create("Revoked " + UUID.randomUUID(), Set.of(ApiKeys.SCOPE_SUBMIT), "test"));
        assertThat(keys.authenticate(created.plainKey())).isPresent();
        // Revoked on another node: this one learns it only from the database.
        jdbc.sql("update api_key set revoked_at = now(), revoked_by = 'other node' where id = ?").param(created.id()).update();
        assertThat(keys.authenticate(created.plainKey())).as("within the recheck time").isPresent();
        clock.advance(ApiKeys.RECHECK_AFTER);
        assertThat(keys.authenticate(created.plainKey())).as("the due request starts the recheck").isPresent();
        await("the recheck saw the revocation", () -> keys.authenticate(created.plainKey()).isEmpty());
        assertThat(keys.authenticate(created.plainKey())).isEmpty();
        clock.advance(ApiKeys.RECHECK_AFTER.plus(ApiKeys.TRUST_WHILE_RECHECKING));
        assertThat(keys.authenticate(created.plainKey())).as("and stays refused").isEmpty();
    }

    private int waitingOnKeys() {
        return LockWaits.waitingOn(jdbc, "from api_key where key_hash");
    }
}
