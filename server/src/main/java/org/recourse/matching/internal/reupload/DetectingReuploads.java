package org.recourse.matching.internal.reupload;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.ImageCaptured;
import org.recourse.evidence.ImageFetched;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.matching.Signal;
import org.recourse.matching.SignalType;
import org.recourse.matching.internal.bank.ChangeLog;
import org.recourse.matching.internal.index.MatchIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every image a capture stores, and every image an online check fetches (hashed in memory, not kept),
 * is looked up in the banks. A match (within the bank's threshold)
 * with an entry of another case is a possible re-upload of that case's image: a finding for an
 * analyst. The same entry at the same address is found once; a dismissed pair stays dismissed.
 */
@Component
class DetectingReuploads {

    private static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(30);

    private final MatchIndex index;
    private final ChangeLog changes;
    private final Findings findings;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Cases cases;
    private final EvidenceVault vault;

    DetectingReuploads(MatchIndex index, Findings findings, JdbcClient jdbc, AuditTrail audit, Clock clock, Cases cases,
                       EvidenceVault vault, ChangeLog changes) {
        this.changes = changes;
        this.cases = cases;
        this.vault = vault;
        this.index = index;
        this.findings = findings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** An image seen at an address, from a capture (stored: {@code evidenceId}) or an online check (not stored: null). */
    record Seen(UUID caseId, UUID evidenceId, String url, String pdq, int quality, java.time.Instant at) {
    }

    @ApplicationModuleListener
    void on(ImageCaptured image) {
        AuditActor.runAs("system:matching", () -> detect(new Seen(image.caseId(), image.evidenceId(), image.url(), image.pdq(),
                image.quality(), image.capturedAt())));
    }

    @ApplicationModuleListener
    void on(ImageFetched image) {
        AuditActor.runAs("system:matching", () -> detect(new Seen(image.caseId(), null, image.url(), image.pdq(), image.quality(),
                image.fetchedAt())));
    }

    private boolean onChildAbuseRoute(CaseView imageCase) {
        return imageCase.childAbuseRoute() || vault.isSealed(imageCase.id());
    }

    /** Runs in the listener's own transaction. */
    void detect(Seen image) {
        if (!(Signal.parse(SignalType.PDQ, image.pdq()) instanceof Signal.Valid valid)) {
            return;
        }
        // Run again (decision 0024) after the case was withdrawn or its data removed: keep nothing of it.
        CaseView imageCase = cases.find(image.caseId()).orElse(null);
        if (imageCase == null || imageCase.status() == CaseStatus.WITHDRAWN) {
            return;
        }
        if (image.evidenceId() != null) {
            jdbc.sql("""
                            insert into match_captured_image (evidence_id, case_id, url, pdq, quality, captured_at)
                            values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(image.evidenceId(), image.caseId(), image.url(), valid.signal().hex(), image.quality(),
                            java.sql.Timestamp.from(image.at())).update();
        }
        if (image.quality() == 0 || onChildAbuseRoute(imageCase)) {
            // A blank image matches nothing; material of the child-abuse route goes to the CSAM hotline, not to analysts here.
            return;
        }
        // Entries banked a moment ago must be seen: wait until this node's index has caught up with the banks.
        // If it cannot, the reaction fails and runs again later (decision 0024).
        try {
            if (!index.awaitSequence(changes.latest(), CATCH_UP)) {
                throw new IllegalStateException("match index has not caught up with the banks");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the match index", e);
        }
        for (MatchIndex.Hit hit : index.lookup(valid.signal(), null, false)) {
            Map<String, Object> entry = jdbc.sql("select case_id, evidence_id from match_entry where id = ? and status = 'ACTIVE'")
                    .param(hit.entryId()).query().listOfRows().stream().findFirst().orElse(null);
            UUID originalCase = entry == null ? null : (UUID) entry.get("case_id");
            if (originalCase == null || originalCase.equals(image.caseId())) {
                continue;
            }
            findings.insertIfNew(hit.entryId(), originalCase, image.caseId(), image.evidenceId(), (UUID) entry.get("evidence_id"),
                    image.url(), hit.distance(), clock.instant()).ifPresent(id ->
                    audit.record("match-finding.created", "case", originalCase.toString(),
                            "finding " + id + ", entry " + hit.entryId() + ", distance " + hit.distance()));
        }
    }
}
