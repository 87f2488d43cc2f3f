package org.recourse.statistics.internal.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.assessment.ReferralMade;
import org.recourse.support.LockWaits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A referral is counted once in the statistics even when the reaction that records it runs twice
 * at the same time (decision 0024: a reaction that looks abandoned runs again while the first run
 * may still be committing). Here the first run is a transaction of the test's own that has written
 * the referral and not committed yet.
 */
@RecourseTest
class ReferralCountedOnceTest {

    @Autowired
    RecordingFacts facts;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoRunsAtOnceCountTheReferralOnce() throws Exception {
        ReferralMade referral = new ReferralMade(UUID.randomUUID(), "support", "centrum-seksueel-geweld", false,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try (Connection firstRun = dataSource.getConnection()) {
            firstRun.setAutoCommit(false);
            try (PreparedStatement insert = firstRun.prepareStatement(
                    "insert into stat_referral (id, case_id, kind, organisation, referred_at) values (gen_random_uuid(), ?, ?, ?, ?)")) {
                insert.setObject(1, referral.caseId());
                insert.setString(2, referral.kind());
                insert.setString(3, referral.organisationKey());
                insert.setTimestamp(4, Timestamp.from(referral.referredAt()));
                insert.executeUpdate();
            }
            // The second run (asynchronous, as every reaction) waits for the first, or has counted it already.
            facts.on(referral);
            await("the second run waits for the first or has counted", () -> waitingOnReferrals() > 0 || counted(referral) > 0);
            firstRun.commit();
        }
        await("the second run has ended", () -> waitingOnReferrals() == 0);
        assertThat(counted(referral)).isEqualTo(1);
    }

    private int counted(ReferralMade referral) {
        return jdbc.sql("select count(*) from stat_referral where case_id = ?").param(referral.caseId()).query(Integer.class).single();
    }

    private int waitingOnReferrals() {
        return LockWaits.waitingOn(jdbc, "insert into stat_referral");
    }
}
