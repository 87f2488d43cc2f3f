package org.recourse.evidence.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.EvidenceObject;
import org.recourse.evidence.internal.EvidenceObjects;
import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.evidence.internal.packaging.EvidencePackages;
import org.recourse.evidence.internal.packaging.ExportingPackages;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@RecourseTest
class ApplyingRetentionTest {

    @Autowired ApplyingRetention retention;
    @Autowired StoringEvidence storing;
    @Autowired EvidenceObjects objects;
    @Autowired SealedBlobs blobs;
    @Autowired ExportingPackages exporting;
    @Autowired EvidencePackages packages;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Value("${recourse.data-dir}") Path dataDir;

    private EvidenceObject captured(UUID caseId, byte[] bytes) throws IOException {
        return storing.store(caseId, "capture", "media", "victim-name.jpg", "image/jpeg", new ByteArrayInputStream(bytes), "system:test",
                new StoringEvidence.Provenance(null, null, "https://platform.example/u/someone/photo/1?x=2",
                        "https://cdn.platform.example/p/1.jpg", 200, "{\"Server\":[\"x\"]}", "[]", "93.184.216.34", "ab12", Instant.now()));
    }

    private void expire(String table, UUID id) {
        jdbc.sql("update " + table + " set retain_until = now() - interval '1 day' where id = ?").param(id).update();
    }

    private Path storedFile(UUID blobId) {
        String key = jdbc.sql("select storage_key from evidence_blob where id = ?").param(blobId).query(String.class).single();
        return dataDir.resolve("evidence").resolve(key.substring(0, 2)).resolve(key);
    }

    @Test
    void expiredEvidenceLosesItsBytesAndPersonalDetailsButKeepsWhatStatisticsNeed() throws Exception {
        UUID caseId = UUID.randomUUID();
        EvidenceObject expired = captured(caseId, ("expired " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        EvidenceObject kept = captured(caseId, ("kept " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        Path file = storedFile(expired.blobId());
        assertThat(file).exists();
        expire("evidence_object", expired.id());

        ApplyingRetention.Outcome outcome = retention.run();

        assertThat(outcome.objects()).isGreaterThanOrEqualTo(1);
        EvidenceObject after = objects.find(expired.id()).orElseThrow();
        assertThat(after.purgedAt()).isNotNull();
        assertThat(after.blobId()).isNull();
        assertThat(after.sha256()).isNull();
        assertThat(after.filename()).isNull();
        assertThat(after.resolvedIp()).isNull();
        assertThat(after.responseHeaders()).isNull();
        assertThat(after.tlsSha256()).isNull();
        assertThat(after.sourceUrl()).isEqualTo("https://platform.example/");
        assertThat(after.finalUrl()).isEqualTo("https://cdn.platform.example/");
        assertThat(after.caseId()).isEqualTo(caseId);
        assertThat(after.kind()).isEqualTo("media");
        assertThat(after.evidenceClass()).isEqualTo("capture");
        assertThat(after.contentType()).isEqualTo("image/jpeg");
        assertThat(after.size()).isEqualTo(expired.size());
        assertThat(after.httpStatus()).isEqualTo(200);
        assertThat(after.capturedAt()).isEqualTo(expired.capturedAt());
        assertThat(file).doesNotExist();
        assertThat(jdbc.sql("select count(*) from evidence_blob where id = ?").param(expired.blobId()).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> blobs.open(expired.blobId())).isInstanceOf(IOException.class);
        assertThat(audit.entriesFor("evidence", expired.id().toString())).extracting(AuditEntry::action)
                .containsExactly("evidence.captured", "evidence.deleted_by_retention");

        assertThat(objects.find(kept.id()).orElseThrow().purged()).isFalse();
        assertThat(blobs.open(kept.blobId()).readAllBytes()).startsWith("kept ".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesSharedWithEvidenceStillKeptSurviveAndExpiredPackagesAndCapturesGo() throws Exception {
        byte[] same = ("shared " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        EvidenceObject first = captured(UUID.randomUUID(), same);
        UUID otherCase = UUID.randomUUID();
        EvidenceObject second = captured(otherCase, same);
        assertThat(second.blobId()).as("identical content is stored once").isEqualTo(first.blobId());
        expire("evidence_object", first.id());
        UUID captureId = transaction.execute(s -> {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into evidence_capture (id, case_id, url, status, requested_at, requested_by, retain_until, outcome)
                            values (?, ?, 'https://platform.example/u/someone?id=7', 'done', now(), 'test', now() - interval '1 day', 'x')""")
                    .params(id, otherCase).update();
            return id;
        });
        EvidencePackages.EvidencePackage made = exporting.export(otherCase, null, "analyst", Locale.ENGLISH);
        expire("evidence_package", made.id());

        retention.run();

        assertThat(objects.find(first.id()).orElseThrow().purged()).isTrue();
        assertThat(blobs.open(second.blobId()).readAllBytes()).isEqualTo(same);
        assertThat(packages.find(made.id()).orElseThrow().purgedAt()).isNotNull();
        assertThat(jdbc.sql("select count(*) from evidence_blob where id = ?").param(made.blobId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select url from evidence_capture where id = ?").param(captureId).query(String.class).single())
                .isEqualTo("https://platform.example/");
        assertThat(Files.exists(storedFile(second.blobId()))).isTrue();
    }
}
