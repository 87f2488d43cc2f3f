package org.recourse.escalation.internal.dossier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Organisation;
import org.recourse.escalation.internal.requests.RequestEntries;
import org.recourse.escalation.internal.requests.TrackingRequests;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.platform.VerifiableZip;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an enforcement request's dossier as one ZIP, generated and never hand-assembled:
 * {@code dossier.pdf} for people; {@code letter.txt}, {@code request.json}, {@code platform.json},
 * {@code figures.json} and {@code cases.json} (items, timeline, evidence metadata with SHA-256 and
 * PDQ per case) for systems; the original evidence files under {@code evidence/} only when an analyst
 * included them in this request, streamed from the vault and never held whole in memory; and
 * {@code manifest.json} with the SHA-256 of every file, checked by {@code ./recourse verify-package}.
 * Everything is gathered first, so a refused dossier writes nothing; each dossier written is audited.
 */
@Service
public class WritingDossiers {

    public static final String FORMAT = "recourse-dossier/1";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public record Written(String reference, String manifestSha256, int files) {
    }

    private final GatheringDossiers gathering;
    private final DossierPdf pdf;
    private final AuditTrail audit;

    WritingDossiers(GatheringDossiers gathering, MessageSource messages, AuditTrail audit) {
        this.gathering = gathering;
        this.pdf = new DossierPdf(messages);
        this.audit = audit;
    }

    /**
     * Gathers the dossier of the request with this reference; nothing is written when it is refused.
     *
     * @throws org.recourse.escalation.internal.requests.RequestRefused when the request or its platform or authority is unknown
     */
    @Transactional
    public Prepared prepare(String reference) throws IOException {
        Dossier dossier = gathering.gather(reference);
        return new Prepared(dossier, pdf.render(dossier));
    }

    /** A gathered dossier, ready to stream. */
    public static final class Prepared {
        private final Dossier dossier;
        private final byte[] pdf;

        private Prepared(Dossier dossier, byte[] pdf) {
            this.dossier = dossier;
            this.pdf = pdf;
        }

        public String reference() {
            return dossier.request().reference();
        }
    }

    @Transactional
    public Written write(Prepared prepared, OutputStream out) throws IOException {
        Dossier d = prepared.dossier;
        List<String> files = new ArrayList<>();
        String manifest;
        try (VerifiableZip zip = new VerifiableZip(out)) {
            add(zip, files, "dossier.pdf", prepared.pdf);
            add(zip, files, "letter.txt", (d.letter().subject() + "\n\n" + d.letter().body()).getBytes(StandardCharsets.UTF_8));
            add(zip, files, "request.json", JSON.writeValueAsBytes(request(d)));
            add(zip, files, "platform.json", JSON.writeValueAsBytes(organisation(d.platform())));
            add(zip, files, "figures.json", JSON.writeValueAsBytes(figures(d)));
            java.util.Map<java.util.UUID, String> paths = new java.util.HashMap<>();
            d.originals().forEach(o -> paths.put(o.file().id(), o.path()));
            add(zip, files, "cases.json", JSON.writeValueAsBytes(d.cases().stream().map(c -> caseFile(c, paths)).toList()));
            for (Dossier.Original original : d.originals()) {
                zip.add(original.path(), original.file().size(), original.file().sha256(), original.file().content()::open);
                files.add(original.path());
            }
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", FORMAT);
            header.put("packageId", d.request().id().toString());
            header.put("reference", d.request().reference());
            header.put("createdAt", d.createdAt().toString());
            header.put("createdBy", d.createdBy());
            manifest = zip.finish(header);
        }
        audit.record("escalation.dossier-written", "escalation_request", d.request().id().toString(),
                d.request().reference() + (d.originals().isEmpty() ? "" : ", with " + d.originals().size() + " original files")
                        + ", manifest sha256 " + manifest);
        return new Written(d.request().reference(), manifest, files.size() + 1);
    }

    private static void add(VerifiableZip zip, List<String> files, String path, byte[] bytes) throws IOException {
        zip.add(path, bytes);
        files.add(path);
    }

    private static Map<String, Object> request(Dossier d) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reference", d.request().reference());
        r.put("platform", d.request().platformKey());
        r.put("authority", d.request().authorityKey());
        r.put("authorityName", d.authority().name());
        r.put("state", d.request().state().code());
        r.put("filedAt", d.request().filedAt() == null ? null : d.request().filedAt().toString());
        r.put("authorityReference", d.request().authorityReference());
        r.put("draftedBy", d.request().draftedBy());
        r.put("approvedBy", d.request().approvedBy());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (RequestEntries.Entry e : d.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", e.at().toString());
            entry.put("kind", e.kind());
            entry.put("state", e.state().code());
            entry.put("note", e.note());
            entry.put("recordedBy", e.recordedBy());
            entries.add(entry);
        }
        r.put("entries", entries);
        return r;
    }

    private static Map<String, Object> organisation(Organisation o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", o.key());
        p.put("name", o.name());
        p.put("kind", o.kind().code());
        p.put("country", o.country());
        p.put("legalRepresentative", o.legalRepresentative());
        p.put("legalRepresentativeCountry", o.legalRepresentativeCountry());
        p.put("vlop", o.vlop());
        p.put("videoPlatform", o.videoPlatform());
        p.put("trustedFlagger", o.trustedFlagger());
        p.put("dsaContact", o.dsaContact());
        p.put("sourceNotes", o.sourceNotes().stream().map(n -> Map.of("date", String.valueOf(n.date()),
                "source", String.valueOf(n.source()), "text", String.valueOf(n.text()))).toList());
        return p;
    }

    private static Map<String, Object> figures(Dossier d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("from", d.figuresFrom().toString());
        f.put("to", d.createdAt().toString());
        f.put("noticesSent", d.figures() == null ? 0 : d.figures().sent());
        f.put("acknowledged", d.figures() == null ? 0 : d.figures().acknowledged());
        f.put("shareIgnored", d.figures() == null ? null : d.figures().shareIgnored());
        f.put("medianToAcknowledge", d.figures() == null || d.figures().medianToAcknowledge() == null ? null
                : d.figures().medianToAcknowledge().toString());
        return f;
    }

    private static Map<String, Object> caseFile(Dossier.CaseFile c, Map<java.util.UUID, String> originals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNumber", c.caseNumber());
        m.put("items", c.items().stream().map(i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("url", i.url());
            item.put("reasons", i.reasons().stream().map(r -> r.code()).toList());
            item.put("noticesSent", i.noticesSent());
            item.put("overdueSince", i.overdueSince() == null ? null : i.overdueSince().toString());
            return item;
        }).toList());
        m.put("timeline", c.timeline().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", e.at().toString());
            entry.put("what", e.what());
            entry.put("detail", e.detail());
            return entry;
        }).toList());
        m.put("evidence", c.evidence().stream().map(r -> evidence(r, originals.get(r.id()))).toList());
        return m;
    }

    private static Map<String, Object> evidence(EvidenceRecord r, String original) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", r.id().toString());
        e.put("kind", r.kind());
        e.put("contentType", r.contentType());
        e.put("size", r.size());
        e.put("sha256", r.sha256());
        e.put("pdq", r.pdq());
        e.put("sourceUrl", r.sourceUrl());
        e.put("capturedAt", r.capturedAt() == null ? null : r.capturedAt().toString());
        e.put("removedByRetention", r.purged());
        e.put("original", original);
        return e;
    }
}
