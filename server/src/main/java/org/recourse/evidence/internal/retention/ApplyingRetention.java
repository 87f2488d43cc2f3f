package org.recourse.evidence.internal.retention;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends evidence whose retention period has passed: the bytes are deleted (and with the wrapped
 * data key, crypto-shredded), URLs are cut back to their site, addresses, headers, file names
 * and hashes are cleared. What statistics need stays: case, class, kind, content type, size,
 * HTTP status, when it was captured, which site.
 */
@Service
public class ApplyingRetention {

    private static final Duration ORPHAN_GRACE = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final SealedBlobs blobs;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApplyingRetention(JdbcClient jdbc, SealedBlobs blobs, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Outcome(int objects, int captures, int packages, int blobsDeleted) {
    }

    public Outcome run() {
        Timestamp now = Timestamp.from(clock.instant());
        int objects = 0;
        int blobsDeleted = 0;
        for (Expired expired : expiredObjects(now)) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("""
                                update evidence_object set purged_at = ?, blob_id = null, sha256 = null, filename = null,
                                    source_url = ?, final_url = ?, resolved_ip = null, response_headers = null,
                                    redirect_chain = null, tls_sha256 = null
                                where id = ?""")
                        .params(now, site(expired.sourceUrl()), site(expired.finalUrl()), expired.id()).update();
                jdbc.sql("delete from evidence_signal where evidence_id = ?").param(expired.id()).update();
                jdbc.sql("delete from evidence_preview where evidence_id = ?").param(expired.id()).update();
                audit.record("evidence.deleted_by_retention", "evidence", expired.id().toString(), "retention period ended");
            });
            objects++;
            if (expired.blobId() != null && blobs.deleteIfUnreferenced(expired.blobId())) {
                blobsDeleted++;
            }
        }
        int captures = transaction.execute(status -> anonymiseCaptures(now));
        int packages = 0;
        for (Expired expired : expiredPackages(now)) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("update evidence_package set purged_at = ?, blob_id = null where id = ?").params(now, expired.id()).update();
                audit.record("evidence_package.deleted_by_retention", "evidence_package", expired.id().toString(), "retention period ended");
            });
            packages++;
            if (expired.blobId() != null && blobs.deleteIfUnreferenced(expired.blobId())) {
                blobsDeleted++;
            }
        }
        blobsDeleted += deleteOrphans();
        return new Outcome(objects, captures, packages, blobsDeleted);
    }

    private record Expired(UUID id, UUID blobId, String sourceUrl, String finalUrl) {
    }

    private List<Expired> expiredObjects(Timestamp now) {
        return jdbc.sql("select id, blob_id, source_url, final_url from evidence_object where purged_at is null and retain_until <= ?")
                .param(now)
                .query((rs, n) -> new Expired(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
                .list();
    }

    private List<Expired> expiredPackages(Timestamp now) {
        return jdbc.sql("select id, blob_id from evidence_package where purged_at is null and retain_until <= ?")
                .param(now)
                .query((rs, n) -> new Expired(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null, null))
                .list();
    }

    private int anonymiseCaptures(Timestamp now) {
        List<UUID> ids = jdbc.sql("select id from evidence_capture where anonymised_at is null and retain_until <= ? and status in ('done', 'failed')")
                .param(now).query(UUID.class).list();
        for (UUID id : ids) {
            String url = jdbc.sql("select url from evidence_capture where id = ?").param(id).query(String.class).single();
            jdbc.sql("update evidence_capture set url = ?, outcome = null, anonymised_at = ? where id = ?")
                    .params(site(url) == null ? "" : site(url), now, id).update();
            audit.record("evidence_capture.anonymised", "evidence_capture", id.toString(), "retention period ended");
        }
        return ids.size();
    }

    /** Blobs nothing refers to: left by a store whose evidence record was never committed. */
    private int deleteOrphans() {
        Timestamp before = Timestamp.from(clock.instant().minus(ORPHAN_GRACE));
        List<UUID> orphans = jdbc.sql("""
                        select b.id from evidence_blob b where b.created_at < ?
                          and not exists (select 1 from evidence_object o where o.blob_id = b.id)
                          and not exists (select 1 from evidence_package p where p.blob_id = b.id)""")
                .param(before).query(UUID.class).list();
        return (int) orphans.stream().filter(blobs::deleteIfUnreferenced).count();
    }

    /** {@code https://platform.example/u/victim/post/1?x} becomes {@code https://platform.example/}. */
    static String site(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null || uri.getHost() == null ? null : uri.getScheme() + "://" + uri.getHost() + "/";
        } catch (Exception e) {
            return null;
        }
    }
}
