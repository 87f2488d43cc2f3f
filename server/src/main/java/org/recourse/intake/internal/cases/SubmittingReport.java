package org.recourse.intake.internal.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.EvidenceVault.CaptureTarget;
import org.recourse.intake.ReportReceived;
import org.recourse.intake.ReportsReceived;
import org.recourse.intake.internal.cases.CaseRepository.LinkedCase;
import org.recourse.platform.TimeOrderedIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns validated reports into cases: a fresh case number each, the items (a URL already in an
 * open case — or earlier in the same batch — is linked to that case instead of being treated as
 * new), the first status, an audit entry per case and one {@link ReportsReceived} event, all in
 * one transaction. Every write is a single batched round trip whatever the number of reports,
 * which is what lets the partner API commit many concurrent reports together.
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
                     ObjectProvider<Clock> clock) {
        this.captureReportedUrls = captureReportedUrls;
        this.cases = cases;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * One report from the current request or job, audited as its user or actor.
     *
     * @param secretHash hash of the reporter's secret (made by {@link SecretHashing} before the
     *                   transaction), or null for channels without reporter sign-in
     * @param secret     the secret itself, handed back once for display; never stored
     */
    @Transactional
    public Submitted submit(ValidatedReport report, String secret, String secretHash) {
        return submitAll(List.of(new Submission(report, secret, secretHash, audit.currentSource(), null)))
                .getFirst().orElseThrow();
    }

    /**
     * A report from the public form, created only if its one-time form token was not used before:
     * the token's hash is claimed in the same transaction as the case.
     *
     * @return the case, or empty when the token was already claimed (a double submit or replay:
     *         nothing was written)
     */
    @Transactional
    public Optional<Submitted> submitForm(ValidatedReport report, String secret, String secretHash, String tokenHash) {
        UUID id = TimeOrderedIds.next();
        if (!cases.claimFormToken(tokenHash, id, clock.instant())) {
            return Optional.empty();
        }
        return submitAll(List.of(new Submission(report, secret, secretHash, audit.currentSource(), null)), List.of(id))
                .getFirst();
    }

    /**
     * @return per submission, in order, its case — or empty where its idempotency key had already
     *         been claimed (a retry: nothing of it was written)
     */
    @Transactional
    public List<Optional<Submitted>> submitAll(List<Submission> submissions) {
        return submitAll(submissions, submissions.stream().map(s -> TimeOrderedIds.next()).toList());
    }

    private List<Optional<Submitted>> submitAll(List<Submission> submissions, List<UUID> ids) {
        Instant now = clock.instant();
        boolean[] retry = retries(submissions, ids, now);

        List<CaseRepository.NewCase> newCases = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (!retry[i]) {
                Submission s = submissions.get(i);
                newCases.add(new CaseRepository.NewCase(ids.get(i), CaseNumbers.next(), s.secretHash(), s.report()));
            }
        }
        insertWithUniqueNumbers(newCases, now);
        Map<UUID, String> numbers = new HashMap<>();
        newCases.forEach(c -> numbers.put(c.id(), c.caseNumber()));

        Map<String, LinkedCase> earlier = new HashMap<>(cases.firstOpenCaseByUrl(urls(submissions, retry)));
        List<CaseRepository.NewItem> items = new ArrayList<>();
        List<CaseRepository.NewLink> links = new ArrayList<>();
        List<CaptureTarget> captures = new ArrayList<>();
        List<AuditTrail.NewEntry> entries = new ArrayList<>();
        List<ReportReceived> received = new ArrayList<>();
        List<Optional<Submitted>> outcomes = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (retry[i]) {
                outcomes.add(Optional.empty());
                continue;
            }
            Submission s = submissions.get(i);
            ValidatedReport report = s.report();
            UUID id = ids.get(i);
            String number = numbers.get(id);
            Map<UUID, LinkedCase> linked = new LinkedHashMap<>();
            for (int position = 0; position < report.items().size(); position++) {
                ValidatedReport.CheckedItem item = report.items().get(position);
                UUID itemId = TimeOrderedIds.next();
                LinkedCase link = null;
                if (item.normalisedUrl() != null) {
                    link = earlier.putIfAbsent(item.normalisedUrl(), new LinkedCase(id, number, "same_url"));
                    if (link != null && link.id().equals(id)) {
                        link = null; // the same URL twice in one report
                    }
                }
                if (link != null) {
                    linked.putIfAbsent(link.id(), link);
                }
                items.add(new CaseRepository.NewItem(itemId, id, position, item, link == null ? null : link.id()));
                // Online evidence is volatile: capture what was there when it was reported. Never for
                // the child-abuse route, where Recourse hands off and keeps nothing itself.
                if (captureReportedUrls && item.url() != null && !report.childAbuseRoute()) {
                    captures.add(new CaptureTarget(id, itemId, item.url()));
                }
            }
            linked.keySet().forEach(other -> links.add(new CaseRepository.NewLink(id, other, "same_url")));
            entries.add(new AuditTrail.NewEntry(s.source(), "case.created", "case", id.toString(),
                    "channel=" + report.report().channel().code() + " items=" + report.items().size()
                            + (linked.isEmpty() ? "" : " linked=" + linked.size())));
            received.add(new ReportReceived(id, number, now));
            outcomes.add(Optional.of(new Submitted(id, number, s.secret(), now, report.childAbuseRoute(),
                    linked.values().stream().map(LinkedCase::caseNumber).toList())));
        }
        if (!items.isEmpty()) {
            cases.insertItems(items, now);
        }
        if (!links.isEmpty()) {
            cases.link(links, now);
        }
        if (!captures.isEmpty()) {
            evidence.captureLater(captures);
        }
        if (!entries.isEmpty()) {
            audit.recordAll(entries);
            events.publishEvent(new ReportsReceived(received));
        }
        return outcomes;
    }

    /**
     * Claims the idempotency keys first, so that a retry writes nothing at all; returns which
     * submissions are retries of a request whose case exists (or is being committed).
     */
    private boolean[] retries(List<Submission> submissions, List<UUID> ids, Instant now) {
        boolean[] retry = new boolean[submissions.size()];
        List<CaseRepository.Claim> claims = new ArrayList<>();
        List<Integer> claimed = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission.IdempotencyClaim claim = submissions.get(i).claim();
            if (claim != null) {
                claims.add(new CaseRepository.Claim(claim.apiKeyId(), claim.key(), claim.requestHash(), ids.get(i)));
                claimed.add(i);
            }
        }
        if (!claims.isEmpty()) {
            Set<UUID> won = cases.claim(claims, now);
            for (int i : claimed) {
                retry[i] = !won.contains(ids.get(i));
            }
        }
        return retry;
    }

    /** Case numbers are random; the rare number already taken is drawn again. */
    private void insertWithUniqueNumbers(List<CaseRepository.NewCase> newCases, Instant now) {
        List<CaseRepository.NewCase> pending = newCases;
        while (!pending.isEmpty()) {
            Set<UUID> inserted = cases.insert(pending, now);
            List<CaseRepository.NewCase> again = new ArrayList<>();
            for (CaseRepository.NewCase c : pending) {
                if (!inserted.contains(c.id())) {
                    CaseRepository.NewCase renumbered = new CaseRepository.NewCase(c.id(), CaseNumbers.next(),
                            c.secretHash(), c.report());
                    newCases.set(newCases.indexOf(c), renumbered);
                    again.add(renumbered);
                }
            }
            pending = again;
        }
    }

    private static Collection<String> urls(List<Submission> submissions, boolean[] retry) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (!retry[i]) {
                submissions.get(i).report().items().stream().map(ValidatedReport.CheckedItem::normalisedUrl)
                        .filter(u -> u != null).forEach(urls::add);
            }
        }
        return urls;
    }
}
