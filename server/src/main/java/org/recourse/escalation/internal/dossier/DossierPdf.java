package org.recourse.escalation.internal.dossier;

import static org.recourse.platform.PdfDocuments.escape;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

import org.recourse.directory.Organisation;
import org.recourse.directory.SourceNote;
import org.recourse.escalation.internal.requests.RequestEntries;
import org.recourse.escalation.internal.requests.TrackingRequests;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.platform.PdfDocuments;
import org.springframework.context.MessageSource;

/**
 * The dossier for people: the letter, the platform, the pattern figures, and per case its items,
 * timeline and evidence (hashes, capture metadata, and pictures only as the blurred grey copies
 * the vault made on the server, so the PDF can be filed and forwarded without showing the victim).
 */
final class DossierPdf {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    DossierPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(Dossier d) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<html><head><meta charset=\"utf-8\"/><style>")
                .append("body{font-family:'").append(PdfDocuments.fontFamily()).append("';font-size:9pt}")
                .append("h1{font-size:15pt}h2{font-size:11pt;margin-top:14pt;border-bottom:1px solid #444}h3{font-size:10pt}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:2pt;vertical-align:top;text-align:left;word-wrap:break-word}")
                .append(".hash{font-family:monospace;font-size:7pt}img.blurred{width:120pt}pre{white-space:pre-wrap;font-family:inherit}")
                .append("</style></head><body>");
        h.append("<h1>").append(t(d, "escalation.dossier.title", d.request().reference())).append("</h1>");
        h.append("<table>");
        row(h, t(d, "escalation.column.platform"), d.platform().name());
        row(h, t(d, "escalation.column.authority"), d.authority().name());
        row(h, t(d, "escalation.column.state"), t(d, "escalation.state." + d.request().state().code()));
        row(h, t(d, "escalation.dossier.created"), time(d.createdAt()) + " · " + nullToDash(d.createdBy()));
        h.append("</table>");
        h.append("<p>").append(t(d, "escalation.dossier.how-to-verify")).append("</p>");

        h.append("<h2>").append(t(d, "escalation.dossier.letter")).append("</h2>");
        h.append("<p><strong>").append(escape(d.letter().subject())).append("</strong></p><pre>").append(escape(d.letter().body())).append("</pre>");

        h.append("<h2>").append(t(d, "escalation.dossier.platform")).append("</h2><table>");
        Organisation p = d.platform();
        row(h, t(d, "escalation.dossier.platform.name"), p.name());
        row(h, t(d, "escalation.dossier.platform.country"), nullToDash(p.country()));
        row(h, t(d, "escalation.dossier.platform.representative"), nullToDash(p.legalRepresentative()));
        row(h, "VLOP", t(d, p.vlop() ? "escalation.dossier.yes" : "escalation.dossier.no"));
        row(h, t(d, "escalation.dossier.platform.contact"), nullToDash(p.dsaContact()));
        row(h, t(d, "escalation.dossier.platform.trusted-flagger"), t(d, p.trustedFlagger() ? "escalation.dossier.yes" : "escalation.dossier.no"));
        for (SourceNote note : p.sourceNotes()) {
            row(h, t(d, "escalation.dossier.platform.source"), note.date() + " · " + nullToDash(note.source()) + (note.text() == null ? "" : ": " + note.text()));
        }
        h.append("</table>");

        h.append("<h2>").append(t(d, "escalation.dossier.figures", date(d.figuresFrom()), date(d.createdAt()))).append("</h2>");
        if (d.figures() == null) {
            h.append("<p>").append(t(d, "escalation.dossier.figures.none")).append("</p>");
        } else {
            h.append("<table>");
            row(h, t(d, "escalation.dossier.figures.sent"), String.valueOf(d.figures().sent()));
            row(h, t(d, "escalation.dossier.figures.acknowledged"), String.valueOf(d.figures().acknowledged()));
            row(h, t(d, "escalation.dossier.figures.ignored"), Math.round(100 * d.figures().shareIgnored()) + " %");
            row(h, t(d, "escalation.dossier.figures.median"), d.figures().medianToAcknowledge() == null ? "–"
                    : d.figures().medianToAcknowledge().toHours() + " h");
            h.append("</table>");
        }

        for (Dossier.CaseFile c : d.cases()) {
            h.append("<h2>").append(t(d, "escalation.dossier.case", nullToDash(c.caseNumber()))).append("</h2><table>");
            for (TrackingRequests.Item item : c.items()) {
                row(h, t(d, "escalation.column.item"), item.url() + " · " + t(d, "escalation.dossier.notices", item.noticesSent() == null ? 0 : item.noticesSent())
                        + (item.overdueSince() == null ? "" : " · " + t(d, "escalation.letter.fact.overdue", time(item.overdueSince()))));
            }
            h.append("</table><h3>").append(t(d, "escalation.dossier.timeline")).append("</h3><table>");
            for (Dossier.TimelineEntry e : c.timeline()) {
                h.append("<tr><td style=\"width:22%\">").append(escape(time(e.at()))).append("</td><td>").append(escape(e.what()))
                        .append(e.detail() == null ? "" : " — " + escape(e.detail())).append("</td></tr>");
            }
            h.append("</table><h3>").append(t(d, "escalation.dossier.evidence")).append("</h3>");
            if (c.evidence().isEmpty()) {
                h.append("<p>").append(t(d, "escalation.dossier.evidence.none")).append("</p>");
            }
            for (EvidenceRecord r : c.evidence()) {
                h.append("<table>");
                row(h, t(d, "escalation.dossier.evidence.kind"), r.kind() + " · " + nullToDash(r.contentType()) + " · " + r.size() + " B");
                row(h, t(d, "escalation.dossier.evidence.source"), nullToDash(r.sourceUrl()));
                row(h, t(d, "escalation.dossier.evidence.captured"), r.capturedAt() == null ? "–" : time(r.capturedAt()));
                h.append("<tr><th style=\"width:28%\">SHA-256</th><td class=\"hash\">").append(escape(r.sha256())).append("</td></tr>");
                if (r.pdq() != null) {
                    h.append("<tr><th>PDQ</th><td class=\"hash\">").append(escape(r.pdq())).append("</td></tr>");
                }
                byte[] picture = c.pictures().get(r.id());
                if (picture != null) {
                    h.append("<tr><th>").append(escape(t(d, "escalation.dossier.evidence.picture"))).append("</th><td><img class=\"blurred\" alt=\"")
                            .append(escape(t(d, "escalation.dossier.evidence.picture-alt"))).append("\" src=\"data:image/jpeg;base64,")
                            .append(java.util.Base64.getEncoder().encodeToString(picture)).append("\"/></td></tr>");
                }
                d.originals().stream().filter(o -> o.file().id().equals(r.id())).findFirst()
                        .ifPresent(original -> row(h, t(d, "escalation.dossier.evidence.original"), original.path()));
                if (r.purged()) {
                    row(h, t(d, "escalation.dossier.evidence.state"), t(d, "escalation.dossier.evidence.purged"));
                }
                h.append("</table>");
            }
        }

        h.append("<h2>").append(t(d, "escalation.request.entries")).append("</h2><table>");
        for (RequestEntries.Entry e : d.entries()) {
            h.append("<tr><td style=\"width:22%\">").append(escape(time(e.at()))).append("</td><td>")
                    .append(escape("reminder".equals(e.kind()) ? t(d, "escalation.timeline.reminder") : t(d, "escalation.timeline.state." + e.state().code())))
                    .append(e.note() == null ? "" : " — " + escape(e.note())).append("</td></tr>");
        }
        h.append("</table></body></html>");
        return PdfDocuments.render(h.toString());
    }

    private void row(StringBuilder h, String label, String value) {
        h.append("<tr><th style=\"width:28%\">").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private String t(Dossier d, String key, Object... args) {
        return messages.getMessage(key, args, key, d.locale());
    }

    private static String time(Instant at) {
        return UTC.format(at);
    }

    private static String date(Instant at) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at);
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
