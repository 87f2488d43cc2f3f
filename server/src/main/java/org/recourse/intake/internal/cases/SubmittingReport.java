package org.recourse.intake.internal.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault;
import org.recourse.intake.ReportReceived;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a validated report into a case: a fresh case number, the items (each URL already in an
 * open case is linked to that case instead of being treated as new), the first status, an audit
 * entry and the {@link ReportReceived} event, all in one transaction.
 */
@Service
public class SubmittingReport {

    private final CaseRepository cases;
    private final EvidenceVault evidence;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean captureReportedUrls;

    SubmittingReport(CaseRepository cases, EvidenceVault evidence, AuditTrail audit, ApplicationEventPublisher events,
                     @Value("${recourse.intake.capture-reported-urls}") boolean captureReportedUrls,
                     org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.captureReportedUrls = captureReportedUrls;
        this.cases = cases;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * @param secretHash hash of the reporter's secret (made by {@link SecretHashing} before the
     *                   transaction), or null for channels without reporter sign-in
     * @param secret     the secret itself, handed back once for display; never stored
     */
    @Transactional
    public Submitted submit(ValidatedReport report, String secret, String secretHash) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String caseNumber = CaseNumbers.next();
        while (!cases.insert(id, caseNumber, secretHash, report, now)) {
            caseNumber = CaseNumbers.next();
        }
        Set<UUID> linked = new LinkedHashSet<>();
        List<ValidatedReport.CheckedItem> items = report.items();
        for (int i = 0; i < items.size(); i++) {
            ValidatedReport.CheckedItem item = items.get(i);
            UUID itemId = UUID.randomUUID();
            UUID earlier = cases.insertItem(itemId, id, i, item, now);
            if (earlier != null) {
                linked.add(earlier);
            }
            // Online evidence is volatile: capture what was there when it was reported. Never for
            // the child-abuse route, where Recourse hands off and keeps nothing itself.
            if (captureReportedUrls && item.url() != null && !report.childAbuseRoute()) {
                evidence.captureLater(id, itemId, item.url());
            }
        }
        List<String> linkedNumbers = new ArrayList<>();
        for (UUID earlier : linked) {
            cases.link(id, earlier, "same_url", now);
            cases.find(earlier).ifPresent(c -> linkedNumbers.add(c.caseNumber()));
        }
        audit.record("case.created", "case", id.toString(), "channel=" + report.report().channel().code()
                + " items=" + items.size() + (linked.isEmpty() ? "" : " linked=" + linked.size()));
        events.publishEvent(new ReportReceived(id, caseNumber, now));
        return new Submitted(id, caseNumber, secret, now, report.childAbuseRoute(), linkedNumbers);
    }
}
