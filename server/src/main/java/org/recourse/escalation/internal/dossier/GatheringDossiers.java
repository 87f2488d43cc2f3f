package org.recourse.escalation.internal.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.escalation.internal.requests.RequestEntries;
import org.recourse.escalation.internal.requests.RequestLetters;
import org.recourse.escalation.internal.requests.RequestRefused;
import org.recourse.escalation.internal.requests.TrackingRequests;
import org.recourse.evidence.EvidenceCopies;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.recourse.platform.CaseSection;
import org.recourse.takedown.NoticeFigures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Collects a request's dossier through the other modules' public interfaces: every module's part
 * of each case's timeline (the same contributions the case page shows), the evidence's metadata
 * from the vault, the platform and the authority from the directory, the platform's notice figures
 * over the last {@link #FIGURES_PERIOD}, and the letter as sent (or as it would be sent).
 */
@Component
class GatheringDossiers {

    static final Duration FIGURES_PERIOD = Duration.ofDays(90);

    private final TrackingRequests tracking;
    private final RequestEntries entries;
    private final RequestLetters letters;
    private final Directory directory;
    private final CaseRefs caseRefs;
    private final List<CaseSection> sections;
    private final EvidenceVault vault;
    private final NoticeFigures figures;
    private final MessageSource messages;
    private final Clock clock;
    private final EvidenceCopies copies;

    GatheringDossiers(TrackingRequests tracking, RequestEntries entries, RequestLetters letters, Directory directory, CaseRefs caseRefs,
                      List<CaseSection> sections, EvidenceVault vault, NoticeFigures figures, MessageSource messages, Clock clock,
                      EvidenceCopies copies) {
        this.copies = copies;
        this.tracking = tracking;
        this.entries = entries;
        this.letters = letters;
        this.directory = directory;
        this.caseRefs = caseRefs;
        this.sections = sections;
        this.vault = vault;
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @throws RequestRefused {@code escalation.request.unknown}, or {@code escalation.request.platform-unknown} /
     *                        {@code escalation.request.authority-unknown} when the directory no longer holds them
     */
    Dossier gather(String reference) {
        TrackingRequests.Request request = tracking.findByReference(reference)
                .orElseThrow(() -> new RequestRefused("escalation.request.unknown"));
        String language = tracking.language(request.id());
        Locale locale = Locale.forLanguageTag(language);
        Organisation platform = directory.findByKey(request.platformKey())
                .orElseThrow(() -> new RequestRefused("escalation.request.platform-unknown"));
        Organisation authority = directory.findByKey(request.authorityKey())
                .orElseThrow(() -> new RequestRefused("escalation.request.authority-unknown"));
        RequestLetters.Letter letter = tracking.filing(request.id())
                .map(f -> new RequestLetters.Letter(f.subject(), f.body()))
                .orElseGet(() -> letters.letter(request, language));

        Map<UUID, List<TrackingRequests.Item>> byCase = new LinkedHashMap<>();
        for (TrackingRequests.Item item : tracking.items(request.id())) {
            byCase.computeIfAbsent(item.caseId(), id -> new ArrayList<>()).add(item);
        }
        String purpose = "dossier " + request.reference();
        List<Dossier.CaseFile> cases = new ArrayList<>();
        List<Dossier.Original> originals = new ArrayList<>();
        byCase.forEach((caseId, items) -> {
            List<Dossier.TimelineEntry> timeline = caseRefs.byId(caseId).map(ref -> timeline(ref, locale)).orElse(List.of());
            List<EvidenceRecord> evidence = vault.forCase(caseId);
            Map<UUID, byte[]> pictures = new LinkedHashMap<>();
            for (EvidenceRecord record : evidence) {
                if (record.purged()) {
                    continue;
                }
                if (record.contentType() != null && record.contentType().startsWith("image/")) {
                    copies.blurred(record.id(), purpose).ifPresent(jpeg -> pictures.put(record.id(), jpeg));
                }
                if (request.dossierOriginals()) {
                    copies.original(record.id(), purpose).ifPresent(file -> originals.add(new Dossier.Original(
                            originalPath(items.getFirst().caseNumber(), file), file)));
                }
            }
            cases.add(new Dossier.CaseFile(items.getFirst().caseNumber(), items, timeline, evidence, pictures));
        });

        Instant now = clock.instant();
        Instant from = now.minus(FIGURES_PERIOD);
        NoticeFigures.RecipientFigures platformFigures = figures.byRecipient(from, now).stream()
                .filter(f -> f.recipientKey().equals(platform.key())).findFirst().orElse(null);
        return new Dossier(request, locale, platform, authority, letter, entries.of(request.id()), cases, platformFigures, from, now,
                AuditActor.current(), originals);
    }

    /** {@code evidence/<case number>/<evidence id>-<name>}, the name reduced to safe characters. */
    static String originalPath(String caseNumber, EvidenceCopies.Original file) {
        String name = file.filename() == null || file.filename().isBlank() ? file.kind() : file.filename();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
        if (name.length() > 80) {
            name = name.substring(name.length() - 80);
        }
        String folder = caseNumber == null ? "case" : caseNumber.replaceAll("[^A-Za-z0-9-]", "_");
        return "evidence/" + folder + "/" + file.id() + (name.isEmpty() ? "" : "-" + name);
    }

    private List<Dossier.TimelineEntry> timeline(CaseRef ref, Locale locale) {
        List<Dossier.TimelineEntry> timeline = new ArrayList<>();
        for (CaseSection section : sections) {
            for (CaseSection.Event event : section.timeline(ref)) {
                timeline.add(new Dossier.TimelineEntry(event.at(),
                        messages.getMessage(event.labelKey(), null, event.labelKey(), locale), event.detail()));
            }
        }
        timeline.sort(Comparator.comparing(Dossier.TimelineEntry::at));
        return timeline;
    }
}
