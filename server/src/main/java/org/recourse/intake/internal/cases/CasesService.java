package org.recourse.intake.internal.cases;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseCircumstances;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.CaseView;
import org.recourse.intake.MonitoringFacts;
import org.recourse.intake.ReporterType;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.ReporterWords;
import org.recourse.intake.StatusChange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Cases} for other modules. */
@Service
class CasesService implements Cases {

    private final CaseRepository cases;
    private final AuditTrail audit;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    CasesService(CaseRepository cases, AuditTrail audit, ObjectProvider<Clock> clock,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseView> find(UUID caseId) {
        return cases.find(caseId).map(c -> c.view(cases.history(caseId)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseView> findByNumber(String caseNumber) {
        return CaseNumbers.parse(caseNumber).flatMap(cases::findByNumber).map(c -> c.view(cases.history(c.id())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReportedItem> items(UUID caseId) {
        return cases.items(caseId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseView> findAll(Collection<UUID> caseIds) {
        Map<UUID, List<StatusChange>> histories = cases.histories(caseIds);
        return cases.findAll(caseIds).stream().map(c -> c.view(histories.getOrDefault(c.id(), List.of()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, List<ReportedItem>> itemsOf(Collection<UUID> caseIds) {
        return cases.itemsOf(caseIds);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReporterWords> reporterWords(UUID caseId) {
        return cases.find(caseId).map(c -> new ReporterWords(c.description(), c.otherFormText(), cases.additions(caseId)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseCircumstances> circumstances(UUID caseId) {
        return Optional.ofNullable(circumstancesOf(List.of(caseId)).get(caseId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, CaseCircumstances> circumstancesOf(Collection<UUID> caseIds) {
        Map<UUID, CaseCircumstances> told = new HashMap<>();
        cases.findAll(caseIds).forEach(c -> told.put(c.id(),
                new CaseCircumstances(c.started(), c.ongoing(), c.minor(), c.relationship())));
        return told;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MonitoringFacts> monitoringFactsOf(Collection<UUID> caseIds) {
        Map<UUID, List<ReportedItem>> items = cases.itemsOf(caseIds);
        return cases.findAll(caseIds).stream()
                .map(c -> new MonitoringFacts(c.id(), c.receivedAt(), c.channel(),
                        c.reporterType() == null ? null : ReporterType.fromCode(c.reporterType()), c.forms(), c.gender(),
                        c.ageBand(), c.relationship(), c.policeContacted(), c.municipality(),
                        items.getOrDefault(c.id(), List.of()).size()))
                .toList();
    }

    @Override
    @Transactional
    public Optional<org.recourse.intake.ReporterContact> contactFor(UUID caseId, String purpose) {
        Optional<org.recourse.intake.ReporterContact> contact = cases.find(caseId)
                .filter(c -> c.contactConsent() && c.personalDataRemovedAt() == null)
                .map(c -> new org.recourse.intake.ReporterContact(c.contactEmail(), c.contactPhone()))
                .filter(org.recourse.intake.ReporterContact::any);
        if (contact.isPresent()) {
            audit.record("case.contact-shared", "case", caseId.toString(), purpose);
        }
        return contact;
    }

    @Override
    @Transactional
    public Optional<ReportedItem> addItem(UUID caseId, String url, String reason) {
        Optional<CaseRecord> record = cases.lock(caseId).filter(c -> c.status() != CaseStatus.WITHDRAWN);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        UrlNormaliser.NormalisedUrl normalised;
        try {
            normalised = UrlNormaliser.normalise(url);
        } catch (UrlNormaliser.InvalidUrl e) {
            return Optional.empty();
        }
        List<ReportedItem> items = cases.items(caseId);
        if (items.stream().anyMatch(i -> normalised.value().equals(i.url()))) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        cases.insertItems(List.of(new CaseRepository.NewItem(id, caseId, items.size(),
                new ValidatedReport.CheckedItem(url, normalised.value(), normalised.host(), null, null, null, null), null)),
                clock.instant());
        audit.record("case.item-added", "case", caseId.toString(), reason);
        return cases.items(caseId).stream().filter(i -> i.id().equals(id)).findFirst();
    }

    @Override
    @Transactional
    public void newsForReporter(UUID caseId) {
        events.publishEvent(new NewsForReporter(caseId));
    }

    @Override
    @Transactional
    public boolean progress(UUID caseId, CaseStatus status) {
        if (status == CaseStatus.RECEIVED) {
            throw new IllegalArgumentException("A case is received once, when it is created");
        }
        if (status == CaseStatus.BEING_ASSESSED
                && cases.find(caseId).map(c -> c.status() != CaseStatus.RECEIVED).orElse(true)) {
            return false;
        }
        var now = clock.instant();
        if (!cases.changeStatus(caseId, status, now)) {
            return false;
        }
        cases.recordStatus(caseId, status, now);
        audit.record("case.status-changed", "case", caseId.toString(), "status=" + status.name());
        events.publishEvent(new NewsForReporter(caseId));
        return true;
    }
}
