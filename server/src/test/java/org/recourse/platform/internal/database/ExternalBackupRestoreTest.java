package org.recourse.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.RecourseApplication;
import org.recourse.evidence.EvidenceCopies;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.platform.CliCommand;
import org.recourse.platform.Restore;
import org.recourse.support.DebianPostgres;
import org.recourse.support.TestCases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation on an external PostgreSQL (Debian's PostgreSQL 15, whose {@code pg_dump} matches
 * it) is backed up with the operator's {@code pg_dump}, encrypted with a passphrase, and restored
 * into a new, empty database with {@code pg_restore}. The restored installation starts and has
 * every report, notice and audit entry made before the backup (its audit chain verifies) and
 * every evidence object, which decrypts to the SHA-256 it had. A database that is not empty is refused.
 */
class ExternalBackupRestoreTest {

    @TempDir
    Path temp;

    @Test
    void aBackupOfAnExternalDatabaseRestoresIntoANewEmptyDatabase() throws Exception {
        try (DebianPostgres server = DebianPostgres.start()) {
            JdbcClient admin = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    server.jdbcUrl("postgres"), DebianPostgres.SUPERUSER, server.superuserPassword()));
            admin.sql("create role recourse_owner login password 'owner-secret-1234'").update();
            admin.sql("create role recourse_app login password 'app-secret-1234'").update();
            admin.sql("create database recourse_live owner recourse_owner").update();
            admin.sql("create database recourse_restored owner recourse_owner").update();
            Path passphrase = Files.writeString(temp.resolve("passphrase"), "a long backup passphrase for the test\n");
            Path ownerPassword = Files.writeString(temp.resolve("owner-password"), "owner-secret-1234\n");

            List<String> caseNumbers = new ArrayList<>();
            List<UUID> notices = new ArrayList<>();
            EvidenceRecord evidence;
            long lastAudit;
            Path backup = temp.resolve("backup");
            try (ConfigurableApplicationContext live = node(server, "recourse_live", temp.resolve("live"))) {
                JdbcClient jdbc = JdbcClient.create(live.getBean(DataSource.class));
                TestCases cases = new TestCases(jdbc);
                for (int i = 0; i < 5; i++) {
                    TestCases.Created created = cases.create();
                    caseNumbers.add(created.caseNumber());
                    notices.add(notice(jdbc, created.id()));
                }
                byte[] file = new byte[200_000];
                new Random(3).nextBytes(file);
                evidence = live.getBean(EvidenceVault.class).storeReporterFile(UUID.randomUUID(), "photo.jpg", "image/jpeg",
                        new ByteArrayInputStream(file));
                lastAudit = jdbc.sql("select max(id) from audit_log").query(Long.class).single();

                Ran made = run(live, "backup", "--out", backup.toString(), "--passphrase-file", passphrase.toString());
                assertThat(made.exit()).as(made.err()).isZero();
                assertThat(made.out()).contains("wrote " + backup, "encrypted (passphrase-pbkdf2-sha256)");
                assertThat(backup.resolve("database/recourse.dump")).isNotEmptyFile();
                assertThat(backup.resolve("postgres")).doesNotExist();
                assertThat(Files.readString(backup.resolve("manifest.json"))).contains("pg_dump of the external database");
            }

            Path restoredFiles = temp.resolve("restored");
            String target = server.jdbcUrl("recourse_restored");
            Ran refusedLive = restore(List.of("--from", backup.toString(), "--data-dir", temp.resolve("never").toString(),
                    "--db-url", server.jdbcUrl("recourse_live"), "--db-user", "recourse_owner", "--db-password-file", ownerPassword.toString(),
                    "--pg-restore", server.tool("pg_restore").toString(), "--passphrase-file", passphrase.toString()));
            assertThat(refusedLive.exit()).isEqualTo(1);
            assertThat(refusedLive.err()).contains("is not empty", "nothing was restored");
            assertThat(temp.resolve("never")).doesNotExist();
            assertThat(restore(List.of("--from", backup.toString(), "--data-dir", temp.resolve("never").toString(),
                    "--passphrase-file", passphrase.toString())).err())
                    .as("a dump is not a data directory").contains("restore it with --db-url");

            Ran restored = restore(List.of("--from", backup.toString(), "--data-dir", restoredFiles.toString(), "--db-url", target,
                    "--db-user", "recourse_owner", "--db-password-file", ownerPassword.toString(),
                    "--pg-restore", server.tool("pg_restore").toString(), "--passphrase-file", passphrase.toString()));
            assertThat(restored.exit()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("RECOURSE_DB_URL=" + target);

            try (ConfigurableApplicationContext copy = node(server, "recourse_restored", restoredFiles)) {
                JdbcClient jdbc = JdbcClient.create(copy.getBean(DataSource.class));
                assertThat(jdbc.sql("select case_number from intake_case where case_number = any(?)")
                        .param(caseNumbers.toArray(String[]::new)).query(String.class).list()).containsExactlyInAnyOrderElementsOf(caseNumbers);
                assertThat(jdbc.sql("select id from takedown_notice where id = any(?)").param(notices.toArray(UUID[]::new))
                        .query(UUID.class).list()).containsExactlyInAnyOrderElementsOf(notices);
                assertThat(jdbc.sql("select count(*) from audit_log where id <= ?").param(lastAudit).query(Long.class).single())
                        .isEqualTo(jdbc.sql("select count(distinct id) from audit_log where id <= ?").param(lastAudit).query(Long.class).single())
                        .isPositive();
                assertThat(run(copy, "audit-verify").out()).startsWith("audit trail intact");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                EvidenceCopies.Original original = copy.getBean(EvidenceCopies.class).original(evidence.id(), "restore test").orElseThrow();
                try (InputStream in = new DigestInputStream(original.content().open(), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(evidence.sha256());
            }
        }
    }

    /** A node of the installation on {@code database}, without a web server or jobs. */
    private static ConfigurableApplicationContext node(DebianPostgres server, String database, Path dataDir) {
        return new SpringApplicationBuilder(RecourseApplication.class)
                .web(WebApplicationType.NONE)
                .run("--recourse.db.url=" + server.jdbcUrl(database),
                        "--recourse.db.user=recourse_app",
                        "--recourse.db.password=app-secret-1234",
                        "--recourse.db.migration-user=recourse_owner",
                        "--recourse.db.migration-password=owner-secret-1234",
                        "--recourse.data-dir=" + dataDir,
                        "--recourse.backup.pg-dump=" + server.tool("pg_dump"),
                        "--db-scheduler.enabled=false",
                        "--spring.main.banner-mode=off");
    }

    /** A notice as the take-down module records one (the fields of its first version; later ones have defaults). */
    private static UUID notice(JdbcClient jdbc, UUID caseId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into takedown_notice (id, reference, recipient_key, recipient_name, channel, address, language, kind,
                    trusted_flagger, subject, body, message_id, status, created_at)
                values (?, ?, 'platform-x', 'Platform X', 'email', 'abuse@platform-x.example', 'en', 'first', false,
                    'Notice', 'Remove it', ?, 'queued', ?)""")
                .params(id, "REF-" + id, "<" + id + "@recourse.test>", Timestamp.from(Instant.now())).update();
        return id;
    }

    record Ran(int exit, String out, String err) {
    }

    private static Ran run(ConfigurableApplicationContext context, String name, String... args) {
        CliCommand command = context.getBeansOfType(CliCommand.class).values().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Ran restore(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Restore.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
