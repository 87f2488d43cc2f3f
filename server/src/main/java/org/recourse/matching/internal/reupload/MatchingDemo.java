package org.recourse.matching.internal.reupload;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.matching.EntrySource;
import org.recourse.matching.HashBanks;
import org.recourse.matching.SignalType;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's prevention work. Two days after a picture was captured, an analyst banks its PDQ hash
 * for the case (as a victim who consented would have it), through the hash banks like any entry; the
 * next morning {@code demo-analyst-2} reviews the possible re-uploads that later captures brought up
 * and confirms them (a re-upload is the same picture at a new address).
 */
@Component
class MatchingDemo implements DemoActor {

    static final String ANALYST = "demo-analyst-2";

    private final HashBanks banks;
    private final ReviewingFindings reviewing;
    private final JdbcClient jdbc;

    MatchingDemo(HashBanks banks, ReviewingFindings reviewing, JdbcClient jdbc) {
        this.banks = banks;
        this.reviewing = reviewing;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 48;
    }

    private record Captured(UUID evidenceId, UUID caseId, String pdq, int quality) {
    }

    @Override
    public void act(DemoDay day) {
        day.moveTo(9 * 60 + 30);
        AuditActor.runAs(ANALYST, () -> {
            for (ReviewingFindings.FindingView view : reviewing.open()) {
                reviewing.confirm(view.finding().id(), ANALYST);
            }
        });
        day.moveTo(22 * 60 + 45);
        List<Captured> unbanked = jdbc.sql("""
                        select c.evidence_id, c.case_id, c.pdq, c.quality from match_captured_image c
                        where c.captured_at <= ? and c.quality > 0
                          and not exists (select 1 from match_entry e where e.case_id = c.case_id)
                          and not exists (select 1 from match_finding f where f.evidence_id = c.evidence_id)
                        order by c.captured_at, c.evidence_id""")
                .param(java.sql.Timestamp.from(day.time().now().minus(Duration.ofDays(2))))
                .query((rs, n) -> new Captured(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)))
                .list();
        AuditActor.runAs(ANALYST, () -> {
            for (Captured image : unbanked) {
                banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK, EntrySource.ANALYST, null, image.caseId(), image.evidenceId(),
                        List.of(new HashBanks.NewSignal(SignalType.PDQ, image.pdq(), image.quality()))));
            }
        });
    }
}
