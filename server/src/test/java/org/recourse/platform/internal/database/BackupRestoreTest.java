package org.recourse.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
