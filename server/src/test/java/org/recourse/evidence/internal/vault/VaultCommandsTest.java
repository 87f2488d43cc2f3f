package org.recourse.evidence.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.platform.CliCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The vault as intake and operators use it: reporters' files, deduplication, key rotation, the fetch command. */
@RecourseTest
class VaultCommandsTest {

    @Autowired EvidenceVault vault;
    @Autowired SealedBlobs blobs;
    @Autowired KeyEncryptionKey kek;
    @Autowired List<CliCommand> commands;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Value("${recourse.data-dir}") Path dataDir;

    private EvidenceRecord reporterFile(UUID caseId, byte[] bytes) {
        return transaction.execute(s -> {
            try {
                return vault.storeReporterFile(caseId, "C:\\Users\\me\\chat.txt", "text/plain; charset=utf-8", new ByteArrayInputStream(bytes));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String run(String name, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void identicalReporterFilesAreStoredOnceAndBothRecorded() throws Exception {
        byte[] bytes = ("same chat " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long filesBefore = storedFiles();
        EvidenceRecord first = reporterFile(UUID.randomUUID(), bytes);
        EvidenceRecord second = reporterFile(UUID.randomUUID(), bytes);

        assertThat(first.sha256()).isEqualTo(second.sha256());
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.filename()).isEqualTo("chat.txt");
        assertThat(first.contentType()).isEqualTo("text/plain");
        assertThat(jdbc.sql("select count(*) from evidence_blob where sha256 = ?").param(first.sha256()).query(Long.class).single()).isOne();
        assertThat(storedFiles() - filesBefore).isOne();
        assertThat(vault.forCase(first.caseId())).extracting(EvidenceRecord::id).containsExactly(first.id());
    }

    @Test
    void rotatingTheKeyRewrapsEveryDataKeyAndOldObjectsStillOpen() throws Exception {
        byte[] bytes = ("before rotation " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        EvidenceRecord stored = reporterFile(UUID.randomUUID(), bytes);
        UUID blobId = jdbc.sql("select blob_id from evidence_object where id = ?").param(stored.id()).query(UUID.class).single();
        long oldKek = jdbc.sql("select kek_key_id from evidence_blob where id = ?").param(blobId).query(Long.class).single();
        int keysBefore = kek.keyCount();

        String output = run("evidence rotate-key");

        long newKek = Integer.toUnsignedLong(kek.primaryKeyId());
        assertThat(newKek).isNotEqualTo(oldKek);
        assertThat(output).startsWith("new primary key " + newKek).contains("data keys re-wrapped");
        assertThat(kek.keyCount()).isEqualTo(keysBefore + 1);
        assertThat(jdbc.sql("select count(*) from evidence_blob where kek_key_id <> ?").param(newKek).query(Long.class).single()).isZero();
        try (InputStream in = blobs.open(blobId)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void theFetchCommandPrintsTheRefusalOfTheProductionFetcher() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            site.page("/", "text/html", "<p>local</p>".getBytes(StandardCharsets.UTF_8));
            assertThat(run("fetch", site.url("/").toString())).isEqualTo("refused: the address 127.0.0.1, which is loopback");
            assertThat(run("fetch", "http://0x7f.1/")).startsWith("refused: the host 0x7f.1 is an IP address in an unusual notation");
            assertThat(run("fetch", "http://exampleexample.onion/")).startsWith("refused: .onion addresses are Tor hidden services");
            assertThat(run("fetch", "http://169.254.169.254/latest/meta-data/")).contains("cloud metadata");
            assertThat(site.wasRequested("/")).isFalse();
        }
    }

    private long storedFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("evidence"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
