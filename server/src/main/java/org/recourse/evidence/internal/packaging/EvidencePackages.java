package org.recourse.evidence.internal.packaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exported packages: which case, how big, for whom, and where its encrypted bytes are. */
@Repository
public class EvidencePackages {

    private final JdbcClient jdbc;

    EvidencePackages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record EvidencePackage(UUID id, UUID caseId, UUID blobId, String manifestSha256, long size, int objectCount,
                                  Instant createdAt, String createdBy, String recipientOrganisation, Instant purgedAt) {
    }

    void insert(EvidencePackage p, Instant retainUntil) {
        jdbc.sql("""
                        insert into evidence_package (id, case_id, blob_id, manifest_sha256, size_bytes, object_count, created_at,
                            created_by, recipient_organisation, retain_until)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.caseId(), p.blobId(), p.manifestSha256(), p.size(), p.objectCount(), Timestamp.from(p.createdAt()),
                        p.createdBy(), p.recipientOrganisation(), Timestamp.from(retainUntil))
                .update();
    }

    public Optional<EvidencePackage> find(UUID id) {
        return jdbc.sql("select * from evidence_package where id = ?").param(id).query(EvidencePackages::map).optional();
    }

    public Optional<EvidencePackage> findByManifest(String manifestSha256) {
        return jdbc.sql("select * from evidence_package where manifest_sha256 = ?").param(manifestSha256)
                .query(EvidencePackages::map).optional();
    }

    public List<EvidencePackage> forCase(UUID caseId) {
        return jdbc.sql("select * from evidence_package where case_id = ? order by created_at desc").param(caseId)
                .query(EvidencePackages::map).list();
    }

    public List<EvidencePackage> availableTo(String organisation) {
        return jdbc.sql("""
                        select * from evidence_package where recipient_organisation = ? and purged_at is null
                        order by created_at desc""")
                .param(organisation).query(EvidencePackages::map).list();
    }

    private static EvidencePackage map(ResultSet rs, int row) throws SQLException {
        Timestamp purged = rs.getTimestamp("purged_at");
        return new EvidencePackage(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("blob_id", UUID.class), rs.getString("manifest_sha256"), rs.getLong("size_bytes"),
                rs.getInt("object_count"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getString("recipient_organisation"), purged == null ? null : purged.toInstant());
    }
}
