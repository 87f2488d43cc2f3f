package org.recourse.matching.internal.analyst;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.matching.EntrySource;
import org.recourse.matching.HashBanks;
import org.recourse.matching.SignalType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An analyst banks images captured for a case, from the PDQ hashes computed when they were
 * captured: nobody needs to open the image to bank it. Banked with source ANALYST, the case and
 * the evidence, so a later re-upload can be shown next to it.
 */
@Service
class BankingEvidence {

    /** A captured image of the case and whether it is banked (its entry id). */
    record CapturedImage(UUID evidenceId, String url, int quality, Instant capturedAt, Long entryId) {
    }

    record CaseImages(CaseView kase, List<CapturedImage> images) {
    }

    private final JdbcClient jdbc;
    private final Cases cases;
    private final HashBanks banks;

    BankingEvidence(JdbcClient jdbc, Cases cases, HashBanks banks) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.banks = banks;
    }

    Optional<CaseImages> images(String caseNumber) {
        return cases.findByNumber(caseNumber).map(kase -> new CaseImages(kase, jdbc.sql("""
                        select i.evidence_id, i.url, i.quality, i.captured_at,
                               (select min(e.id) from match_entry e where e.evidence_id = i.evidence_id and e.status = 'ACTIVE') as entry_id
                        from match_captured_image i where i.case_id = ? order by i.captured_at, i.evidence_id""")
                .param(kase.id())
                .query((rs, n) -> new CapturedImage(rs.getObject("evidence_id", UUID.class), rs.getString("url"), rs.getInt("quality"),
                        rs.getTimestamp("captured_at").toInstant(), (Long) rs.getObject("entry_id")))
                .list()));
    }

    /** Banks one captured image of the case; the refusal, if it is refused; empty when done. */
    Optional<HashBanks.RefusalReason> bank(UUID caseId, UUID evidenceId) {
        var image = jdbc.sql("select pdq, quality from match_captured_image where evidence_id = ? and case_id = ?")
                .params(evidenceId, caseId).query().listOfRows().stream().findFirst();
        if (image.isEmpty()) {
            throw new IllegalArgumentException("no such captured image of this case");
        }
        HashBanks.BankingResult result = banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK, EntrySource.ANALYST, null,
                caseId, evidenceId, List.of(new HashBanks.NewSignal(SignalType.PDQ, (String) image.get().get("pdq"),
                (Integer) image.get().get("quality")))));
        return result.refused().stream().map(HashBanks.Refusal::reason).findFirst();
    }
}
