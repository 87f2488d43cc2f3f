package org.recourse.evidence.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.internal.EvidenceSettings;
import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.evidence.internal.packaging.ExportingPackages;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.recourse.evidence.internal.web.VaultHttpAccess;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unique marker goes in through every door (capture of a page and an image, a staff upload
 * over HTTP, a reporter's file, an exported package) and must then be nowhere in clear: not in
 * the data directory (evidence store, key files, PostgreSQL's own files and WAL), not in any
 * temporary file written meanwhile, not in /dev/shm, not in any column of any table, not in the log.
 */
@RecourseTest
@ExtendWith(OutputCaptureExtension.class)
class NoPlaintextTest {

    @LocalServerPort int port;
    @Autowired EvidenceVault vault;
    @Autowired CaptureRequests requests;
    @Autowired StoringEvidence storing;
    @Autowired ImageSignals images;
    @Autowired EvidenceSettings settings;
    @Autowired SealedBlobs blobs;
    @Autowired ExportingPackages exporting;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Value("${recourse.data-dir}") Path dataDir;

    @Test
    void aCapturedMarkerIsNowhereInClear(CapturedOutput log) throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String marker = "RECOURSE-NO-PLAINTEXT-" + UUID.randomUUID();
        byte[] markerBytes = marker.getBytes(StandardCharsets.US_ASCII);
        UUID caseId = UUID.randomUUID();
        try (TestWebsite site = new TestWebsite()) {
            site.page("/page", "text/html", ("<html><body><p>" + marker + "</p><img src='/m.gif'></body></html>").getBytes(StandardCharsets.UTF_8));
            site.page("/m.gif", "image/gif", ("GIF89a" + marker).getBytes(StandardCharsets.US_ASCII));
            UUID captureId = transaction.execute(status -> {
                UUID id = vault.captureLater(caseId, null, site.url("/page").toString());
                jdbc.sql("update evidence_capture set status = 'running', started_at = now(), attempts = 1 where id = ?").param(id).update();
                return id;
            });
            CaptureRequests.CaptureRequest claimed = requests.find(captureId).orElseThrow();
            AuditActor.runAs("system:evidence-capture", () -> LoopbackCapturing.create(storing, requests, settings, images).capture(claimed));
            assertThat(requests.find(captureId).orElseThrow().outcome()).contains("1 embedded media stored");
        }
        VaultHttpAccess.uploadAsAnalyst(port, new TestStaff(jdbc).create(StaffRole.ANALYST), caseId, "notes.txt",
                HttpRequest.BodyPublishers.ofByteArray(("chat log " + marker).getBytes(StandardCharsets.UTF_8)));
        transaction.executeWithoutResult(status -> {
            try {
                vault.storeReporterFile(caseId, "from-reporter.txt", "text/plain", new ByteArrayInputStream((marker + " reporter").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        exporting.export(caseId, null, "analyst", Locale.ENGLISH);
        assertThat(vault.forCase(caseId)).hasSizeGreaterThanOrEqualTo(4);
        try (InputStream in = blobs.open(jdbc.sql("select blob_id from evidence_object where case_id = ? and kind = 'page'")
                .param(caseId).query(UUID.class).single())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("the vault still gives the page back").contains(marker);
        }

        List<Path> searched = new ArrayList<>();
        assertThat(filesContaining(dataDir, markerBytes, null, searched)).as("data directory").isEmpty();
        assertThat(filesContaining(Path.of(System.getProperty("java.io.tmpdir")), markerBytes, start, searched)).as("temporary files").isEmpty();
        assertThat(filesContaining(Path.of("/dev/shm"), markerBytes, start, searched)).as("/dev/shm").isEmpty();
        assertThat(searched).as("files searched").anySatisfy(p -> assertThat(p.toString()).contains("evidence"))
                .anySatisfy(p -> assertThat(p.toString()).contains("postgres"));
        assertThat(databaseValuesContaining(marker)).as("database").isEmpty();
        assertThat(log.getAll()).as("log").doesNotContain(marker);
    }

    private static List<Path> filesContaining(Path root, byte[] needle, Instant modifiedAfter, List<Path> searched) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    if (!Files.isRegularFile(file) || !Files.isReadable(file)
                            || (modifiedAfter != null && Files.getLastModifiedTime(file).compareTo(FileTime.from(modifiedAfter)) < 0)) {
                        continue;
                    }
                    searched.add(file);
                    if (contains(file, needle)) {
                        found.add(file);
                    }
                } catch (IOException | SecurityException e) {
                    // A file that vanished or is not ours to read while we walk.
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // Another process removed a directory while we walked it.
        }
        return found;
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] window = new byte[1 << 20];
        int carry = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(window, carry, window.length - carry); n > 0; n = in.read(window, carry, window.length - carry)) {
                int length = carry + n;
                if (indexOf(window, length, needle) >= 0) {
                    return true;
                }
                carry = Math.min(needle.length - 1, length);
                System.arraycopy(window, length - carry, window, 0, carry);
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every value of every column of every table, as text and, for binary columns, as hex. */
    private List<String> databaseValuesContaining(String marker) {
        String hex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.US_ASCII));
        // Tables the application may not read (Flyway's history) are covered by the scan of PostgreSQL's files.
        List<String> tables = jdbc.sql("""
                        select format('%I.%I', schemaname, tablename) from pg_tables
                        where schemaname = 'public' and has_table_privilege(format('%I.%I', schemaname, tablename), 'select')""")
                .query(String.class).list();
        assertThat(tables).contains("public.evidence_object", "public.evidence_blob", "public.audit_log");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("select * from " + table).query((ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        byte[] raw = rs.getBytes(c);
                        String text = rs.getString(c);
                        String asBytes = raw == null ? "" : new String(raw, StandardCharsets.ISO_8859_1);
                        if ((text != null && (text.contains(marker) || text.contains(hex))) || asBytes.contains(marker)) {
                            found.add(table + "." + meta.getColumnName(c));
                        }
                    }
                }
            });
        }
        return found;
    }
}
