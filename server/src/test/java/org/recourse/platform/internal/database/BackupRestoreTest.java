package org.recourse.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.RecourseTest;
import org.recourse.platform.CliCommand;
import org.recourse.platform.Restore;
import org.recourse.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup taken while reports keep arriving restores into a new data directory whose database
 * starts and holds every report acknowledged before the backup began, the audit trail and the
 * evidence files; a backup with an altered or missing file is refused and each file is named.
 */
@RecourseTest
class BackupRestoreTest {

    @Autowired
    List<CliCommand> commands;
    @Autowired
    JdbcClient jdbc;
    @Value("${recourse.data-dir}")
    Path dataDir;

    @TempDir
    Path temp;

    record Ran(int exit, String out, String err) {
    }

    Ran backup(String... args) {
        CliCommand command = commands.stream().filter(c -> c.name().equals("backup")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Ran restore(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Restore.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBackupUnderLoadRestoresEverythingAcknowledgedBeforeItAndRefusesAlteredCopies() throws Exception {
        TestCases cases = new TestCases(jdbc);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(cases.create().caseNumber());
        }
        long auditBefore = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        List<String> during = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                during.add(cases.create().caseNumber());
            }
        });
        Path backupDir = temp.resolve("backup");
        Ran made;
        try {
            made = backup("--out", backupDir.toString());
        } finally {
            running.set(false);
            load.join();
        }
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("wrote " + backupDir, "manifest sha256").contains("store the keys apart");
        assertThat(during).as("reports kept arriving while the backup ran").isNotEmpty();
        assertThat(Files.exists(backupDir.resolve("postgres/backup_label"))).isTrue();
        assertThat(Files.exists(backupDir.resolve("keys/postgres-app"))).isTrue();
        assertThat(backup("--out", backupDir.toString()).err()).as("never over an existing backup").contains("not empty");

        // An altered copy and an incomplete copy are refused, naming the file; nothing is restored.
        Path altered = temp.resolve("altered");
        copy(backupDir, altered);
        Path label = altered.resolve("postgres/backup_label");
        Files.writeString(label, Files.readString(label) + "# changed\n");
        Ran refused = restore("--from", altered.toString(), "--data-dir", temp.resolve("never").toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("altered: postgres/backup_label", "nothing was restored");
        assertThat(temp.resolve("never")).doesNotExist();
        Path incomplete = temp.resolve("incomplete");
        copy(backupDir, incomplete);
        Files.delete(incomplete.resolve("keys/postgres-app"));
        assertThat(restore("--from", incomplete.toString(), "--data-dir", temp.resolve("never").toString()).err())
                .contains("missing: keys/postgres-app");
        assertThat(restore("--from", temp.toString(), "--data-dir", temp.resolve("never").toString()).err())
                .contains("no readable Recourse backup manifest");

        Path restored = temp.resolve("restored");
        Ran done = restore("--from", backupDir.toString(), "--data-dir", restored.toString());
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains("RECOURSE_DATA_DIR=" + restored);
        assertThat(restore("--from", backupDir.toString(), "--data-dir", restored.toString()).err()).contains("not empty");

        assertHolds(restored, before, auditBefore);
    }

    @Test
    void aBackupEncryptedForAPublicKeyHasNoPlaintextAndRestoresOnlyWithItsPrivateKey() throws Exception {
        TestCases cases = new TestCases(jdbc);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(cases.create().caseNumber());
        }
        long auditBefore = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        Ran key = backup("--make-key", temp.resolve("key").toString());
        assertThat(key.exit()).as(key.err()).isZero();
        assertThat(key.out()).contains("backup-recipient.json", "keep it offline");
        assertThat(Files.getPosixFilePermissions(temp.resolve("key/backup-identity.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(backup("--make-key", temp.resolve("key").toString()).err()).as("a key pair is never overwritten")
                .contains("already holds a backup key pair");
        assertThat(backup("--make-key", temp.resolve("other-key").toString()).exit()).isZero();

        Path encrypted = temp.resolve("encrypted");
        Ran made = backup("--out", encrypted.toString(), "--encrypt-to", temp.resolve("key/backup-recipient.json").toString());
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("encrypted (tink-hybrid-hpke-x25519)", "private key").doesNotContain("as good as plaintext");
        // Nothing readable in it: no case number, no database password, not even PostgreSQL's version file.
        byte[] appPassword = Files.readAllBytes(dataDir.resolve("secrets/postgres-app"));
        assertThat(contains(encrypted, before.getFirst().getBytes(StandardCharsets.UTF_8))).as("a case number in plaintext").isFalse();
        assertThat(contains(encrypted, appPassword)).as("the database password in plaintext").isFalse();
        assertThat(Files.readAllBytes(encrypted.resolve("postgres/PG_VERSION"))).isNotEqualTo("17\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(encrypted.resolve("manifest.json"))).contains("\"encryption\"", "wrappedKey");

        Path restored = temp.resolve("restored-encrypted");
        Ran noKey = restore("--from", encrypted.toString(), "--data-dir", restored.toString());
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.err()).contains("encrypted for a public key", "--identity", "nothing was restored");
        Ran wrongKey = restore("--from", encrypted.toString(), "--data-dir", restored.toString(),
                "--identity", temp.resolve("other-key/backup-identity.json").toString());
        assertThat(wrongKey.err()).contains("does not open this backup", "nothing was restored");
        assertThat(restored).doesNotExist();

        Ran done = restore("--from", encrypted.toString(), "--data-dir", restored.toString(),
                "--identity", temp.resolve("key/backup-identity.json").toString());
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(Files.readAllBytes(restored.resolve("secrets/postgres-app"))).isEqualTo(appPassword);
        assertThat(Files.getPosixFilePermissions(restored.resolve("secrets/postgres-app")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertSameFiles(dataDir.resolve("evidence"), restored.resolve("evidence"));
        assertHolds(restored, before, auditBefore);
    }

    @Test
    void aPassphraseBackupRefusesShortAndWrongPassphrasesAndAFileMovedWithinIt() throws Exception {
        Path shortPassphrase = Files.writeString(temp.resolve("short"), "too short\n");
        Path out = temp.resolve("with-passphrase");
        Ran refused = backup("--out", out.toString(), "--passphrase-file", shortPassphrase.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("at least 16 characters");
        assertThat(out).doesNotExist();
        assertThat(backup("--out", out.toString(), "--passphrase-file", temp.resolve("absent").toString()).err())
                .contains("cannot read --passphrase-file");
        assertThat(backup("--out", out.toString(), "--passphrase-file", shortPassphrase.toString(), "--encrypt-to", "x.json").err())
                .contains("choose one");

        Path passphrase = Files.writeString(temp.resolve("passphrase"), "correct horse battery staple 42\n");
        Ran made = backup("--out", out.toString(), "--passphrase-file", passphrase.toString());
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("encrypted (passphrase-pbkdf2-sha256)");

        Path wrong = Files.writeString(temp.resolve("wrong"), "incorrect horse battery staple\n");
        Path target = temp.resolve("restored-passphrase");
        assertThat(restore("--from", out.toString(), "--data-dir", target.toString()).err())
                .contains("encrypted with a passphrase", "RECOURSE_BACKUP_PASSPHRASE");
        assertThat(restore("--from", out.toString(), "--data-dir", target.toString(), "--passphrase-file", wrong.toString()).err())
                .contains("the passphrase does not open this backup");
        assertThat(target).doesNotExist();

        // A file given another file's name, with the manifest made to match: the manifest check passes, decryption does not.
        Path moved = temp.resolve("moved");
        copy(out, moved);
        Files.copy(moved.resolve("keys/postgres-app"), moved.resolve("keys/postgres-superuser"), StandardCopyOption.REPLACE_EXISTING);
        String manifest = Files.readString(moved.resolve("manifest.json"));
        Files.writeString(moved.resolve("manifest.json"), rehash(manifest, moved, "keys/postgres-superuser"));
        Ran swapped = restore("--from", moved.toString(), "--data-dir", target.toString(), "--passphrase-file", passphrase.toString());
        assertThat(swapped.exit()).as(swapped.err()).isEqualTo(1);
        assertThat(swapped.err()).contains("keys/postgres-superuser does not decrypt");
        assertThat(target).as("nothing is left of a restore that failed half-way").satisfiesAnyOf(
                t -> assertThat(t).doesNotExist(), t -> assertThat(t).isEmptyDirectory());

        Ran done = restore("--from", out.toString(), "--data-dir", target.toString(), "--passphrase-file", passphrase.toString());
        assertThat(done.exit()).as(done.err()).isZero();
        assertSameFiles(dataDir.resolve("secrets"), target.resolve("secrets"));
    }

    @Test
    void aBackupOntoAFullDiskFailsClearlyAndLeavesNothingThatLooksLikeABackup() throws Exception {
        // A 4 MB file system: the database alone is many times larger. Mounting needs root, as the suite has (.ci/run).
        Path small = Files.createDirectories(temp.resolve("small-disk"));
        mount("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", small.toString());
        try {
            Path out = small.resolve("backup");
            Ran full = backup("--out", out.toString());
            assertThat(full.exit()).isEqualTo(1);
            assertThat(full.err()).contains("backup not made, nothing is left in " + out, "No space left on device");
            try (var left = Files.walk(out)) {
                assertThat(left.filter(Files::isRegularFile).toList()).as("no half backup").isEmpty();
            }
            assertThat(restore("--from", out.toString(), "--data-dir", temp.resolve("never").toString()).err())
                    .contains("no readable Recourse backup manifest");
        } finally {
            mount("umount", small.toString());
        }
    }

    private static void mount(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("sudo", "-n"));
        }
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", full) + ": " + output).isZero();
    }

    /** The restored cluster starts and holds every case acknowledged before the backup and at least the audit entries there were. */
    private static void assertHolds(Path restored, List<String> before, long auditBefore) throws Exception {
        EmbeddedPostgres copy = EmbeddedPostgres.startOrAttach(restored, 0, false);
        try (Connection db = DriverManager.getConnection(copy.jdbcUrl(), EmbeddedPostgres.APP_ROLE, copy.appPassword())) {
            try (PreparedStatement found = db.prepareStatement("select count(*) from intake_case where case_number = any(?)")) {
                found.setArray(1, db.createArrayOf("text", before.toArray()));
                try (ResultSet rs = found.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("every report acknowledged before the backup").isEqualTo(before.size());
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("select count(*) from audit_log")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(auditBefore);
            }
        } finally {
            copy.stopIfUnused();
        }
    }

    /** Whether any file under {@code root} contains {@code needle}. */
    private static boolean contains(Path root, byte[] needle) throws Exception {
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** Every file under {@code expected} is under {@code actual} with the same bytes. */
    private static void assertSameFiles(Path expected, Path actual) throws Exception {
        try (var files = Files.walk(expected)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = actual.resolve(expected.relativize(file).toString());
                assertThat(copy).as(copy.toString()).exists();
                assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    /** The manifest with the entry for {@code path} given that file's current hash and size. */
    private static String rehash(String manifest, Path root, String path) throws Exception {
        byte[] bytes = Files.readAllBytes(root.resolve(path));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        return manifest.replaceAll("(\"path\" : \"" + java.util.regex.Pattern.quote(path) + "\",\\s*\"sha256\" : \")[0-9a-f]+(\",\\s*\"size\" : )\\d+",
                "$1" + sha + "$2" + bytes.length);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
