package org.recourse.evidence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of evidence objects' metadata; the bytes are in the vault. */
@Repository
public class EvidenceObjects {

    private final JdbcClient jdbc;

    public EvidenceObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EvidenceObject o) {
        jdbc.sql("""
                        insert into evidence_object (id, case_id, item_id, capture_id, blob_id, evidence_class, kind, filename,
                            content_type, size_bytes, sha256, source_url, final_url, http_status, response_headers, redirect_chain,
                            resolved_ip, tls_sha256, captured_at, added_by, retain_until)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.id(), o.caseId(), o.itemId(), o.captureId(), o.blobId(), o.evidenceClass(), o.kind(), o.filename(),
                        o.contentType(), o.size(), o.sha256(), o.sourceUrl(), o.finalUrl(), o.httpStatus(), o.responseHeaders(),
                        o.redirectChain(), o.resolvedIp(), o.tlsSha256(), ts(o.capturedAt()), o.addedBy(), ts(o.retainUntil()))
                .update();
    }

    /** Records the PDQ hash of a picture; a second hash of the same object keeps the first. */
    public void recordPdq(UUID evidenceId, String hex, int quality, Instant at) {
        jdbc.sql("""
                        insert into evidence_signal (evidence_id, pdq, quality, computed_at) values (?, ?, ?, ?)
                        on conflict (evidence_id) do nothing""")
                .params(evidenceId, hex, quality, ts(at)).update();
    }

    /** Keeps the blurred copy of a picture; a second one for the same object keeps the first. */
    public void recordPreview(UUID evidenceId, byte[] jpeg, Instant at) {
        jdbc.sql("insert into evidence_preview (evidence_id, jpeg, made_at) values (?, ?, ?) on conflict (evidence_id) do nothing")
                .params(evidenceId, jpeg, ts(at)).update();
    }

    public Optional<byte[]> preview(UUID evidenceId) {
        return jdbc.sql("select jpeg from evidence_preview where evidence_id = ?").param(evidenceId).query(byte[].class).optional();
    }

    /** The PDQ hashes of a case's pictures by evidence id. */
    public java.util.Map<UUID, String> pdqForCase(UUID caseId) {
        java.util.Map<UUID, String> pdq = new java.util.HashMap<>();
        jdbc.sql("select s.evidence_id, s.pdq from evidence_signal s join evidence_object o on o.id = s.evidence_id where o.case_id = ?")
                .param(caseId).query(rs -> {
                    pdq.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return pdq;
    }

    public Optional<EvidenceObject> find(UUID id) {
        return jdbc.sql("select * from evidence_object where id = ?").param(id).query(EvidenceObjects::map).optional();
    }

    public List<EvidenceObject> forCase(UUID caseId) {
        return jdbc.sql("select * from evidence_object where case_id = ? order by captured_at, id").param(caseId)
                .query(EvidenceObjects::map).list();
    }

    public List<EvidenceObject> forCapture(UUID captureId) {
        return jdbc.sql("select * from evidence_object where capture_id = ? order by captured_at, id").param(captureId)
                .query(EvidenceObjects::map).list();
    }

    static EvidenceObject map(ResultSet rs, int row) throws SQLException {
        return new EvidenceObject(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("item_id", UUID.class), rs.getObject("capture_id", UUID.class), rs.getObject("blob_id", UUID.class),
                rs.getString("evidence_class"), rs.getString("kind"), rs.getString("filename"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("source_url"), rs.getString("final_url"),
                (Integer) rs.getObject("http_status"), rs.getString("response_headers"), rs.getString("redirect_chain"),
                rs.getString("resolved_ip"), rs.getString("tls_sha256"), instant(rs, "captured_at"), rs.getString("added_by"),
                instant(rs, "retain_until"), instant(rs, "purged_at"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
