package org.recourse.escalation.internal.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.recourse.directory.Organisation;
import org.recourse.escalation.internal.requests.RequestEntries;
import org.recourse.escalation.internal.requests.RequestLetters;
import org.recourse.escalation.internal.requests.TrackingRequests;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.takedown.NoticeFigures;

/**
 * Everything an enforcement request's dossier holds, gathered before a byte is written so that a
 * dossier is either whole or not made. It names items by URL and case number and never holds the
 * victim's name or contact details.
 *
 * @param figures   the platform's notice figures over {@code figuresFrom}..{@code createdAt}, or null when it had no notices then
 * @param originals the original evidence files, only when an analyst included them in this request's dossier
 */
record Dossier(TrackingRequests.Request request, Locale locale, Organisation platform, Organisation authority,
               RequestLetters.Letter letter, List<RequestEntries.Entry> entries, List<CaseFile> cases,
               NoticeFigures.RecipientFigures figures, Instant figuresFrom, Instant createdAt, String createdBy,
               List<Original> originals) {

    /**
     * One case of the request: its items, its timeline across the chain, its evidence as metadata.
     *
     * @param pictures blurred JPEG copies of its pictures by evidence id, made on the server
     */
    record CaseFile(String caseNumber, List<TrackingRequests.Item> items, List<TimelineEntry> timeline, List<EvidenceRecord> evidence,
                    java.util.Map<java.util.UUID, byte[]> pictures) {
    }

    /** An original evidence file and where it goes in the ZIP. */
    record Original(String path, org.recourse.evidence.EvidenceCopies.Original file) {
    }

    /** A dated step of the case, already in the dossier's language. */
    record TimelineEntry(Instant at, String what, String detail) {
    }
}
