package org.recourse.evidence.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sealed cases: their evidence is no longer served to staff, downloaded or packaged. Checked on
 * every serving rather than cached, so a seal made on one node holds on all of them at once.
 */
@Repository
public class EvidenceSeals {

    private final JdbcClient jdbc;

    EvidenceSeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether this call sealed the case (false when it already was) */
    boolean seal(UUID caseId, String reason, String sealedBy, Instant at) {
        return jdbc.sql("""
                        insert into evidence_seal (case_id, reason, sealed_by, sealed_at) values (?, ?, ?, ?)
                        on conflict (case_id) do nothing""")
                .params(caseId, reason, sealedBy, Timestamp.from(at)).update() == 1;
    }

    public boolean isSealed(UUID caseId) {
        return jdbc.sql("select exists (select 1 from evidence_seal where case_id = ?)").param(caseId)
                .query(Boolean.class).single();
    }
}
