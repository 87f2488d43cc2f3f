package org.recourse.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** {@code ./recourse doctor} as an operator runs it: its printed lines, its exit code, and that it changes nothing. */
@RecourseTest
class DoctorTest {

    @TempDir
    Path dataDir;

    @Autowired
    DataSource dataSource;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    @Test
    void namesAKeyFileOthersCanReadAndHowToFixIt() throws IOException {
        Path key = Files.createDirectories(dataDir.resolve("secrets")).resolve("evidence-kek.json");
        Files.writeString(key, "{}");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        String smtp = "--recourse.takedown.mail.port=" + greenMail();

        Result loose = doctor("--recourse.data-dir=" + dataDir, smtp);
        assertThat(loose.output).contains("PROBLEM  evidence key file " + key + " can be read by other users — run: chmod 600 " + key);
        assertThat(loose.exit).isEqualTo(1);

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Result tight = doctor("--recourse.data-dir=" + dataDir, smtp);
        assertThat(tight.output).contains("OK       evidence key file " + key + " (only its owner can read it)")
                .contains("OK       SMTP server for mail (notices, enforcement requests) localhost:")
                .contains("Nothing to fix.");
        assertThat(tight.exit).isZero();
    }

    @Test
    void saysInPlainWordsThatTheDatabaseAndMailServerDoNotAnswer() throws IOException {
        int closed = closedPort();
        Result result = doctor("--recourse.data-dir=" + dataDir, "--recourse.db.url=jdbc:postgresql://127.0.0.1:" + closed + "/recourse",
                "--recourse.takedown.mail.port=" + closed);
        assertThat(result.output)
                .contains("PROBLEM  cannot reach the database at jdbc:postgresql://127.0.0.1:" + closed + "/recourse")
                .contains("check RECOURSE_DB_URL, RECOURSE_DB_USER and RECOURSE_DB_PASSWORD")
                .contains("PROBLEM  SMTP server for mail (notices, enforcement requests) localhost:" + closed + " does not answer")
                .contains("2 things to fix")
                .doesNotContain("Exception");
        assertThat(result.exit).isEqualTo(1);
    }

    @Test
    void readsTheVersionAndClockOfAReachableDatabase() throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        String password = Files.readString(Path.of("target/test-data/secrets/postgres-superuser")).trim();
        Path oldPgDump = fakePgDump("pg_dump (PostgreSQL) 14.9");
        Result result = doctor("--recourse.data-dir=" + dataDir, "--recourse.db.url=" + url, "--recourse.db.user=postgres",
                "--recourse.db.password=" + password, "--recourse.takedown.mail.port=" + greenMail(),
                "--recourse.backup.pg-dump=" + oldPgDump);
        assertThat(result.output).containsPattern("OK {7}database reachable, PostgreSQL 17")
                .contains("OK       clock within 2 s of the database server's")
                .contains("PROBLEM  pg_dump (PostgreSQL) 14.9 is older than the database server (17) — install the PostgreSQL 17 client tools");

        Result current = doctor("--recourse.data-dir=" + dataDir, "--recourse.db.url=" + url, "--recourse.db.user=postgres",
                "--recourse.db.password=" + password, "--recourse.backup.pg-dump=" + fakePgDump("pg_dump (PostgreSQL) 17.10"));
        assertThat(current.output).contains("OK       pg_dump (PostgreSQL) 17.10 for backups");

        Result missing = doctor("--recourse.data-dir=" + dataDir, "--recourse.db.url=" + url, "--recourse.db.user=postgres",
                "--recourse.db.password=" + password, "--recourse.backup.pg-dump=" + dataDir.resolve("no-such-pg_dump"));
        assertThat(missing.output).contains("PROBLEM  pg_dump not found at " + dataDir.resolve("no-such-pg_dump"));
    }

    /** A program that answers --version like pg_dump of the given version does. */
    private Path fakePgDump(String version) throws IOException {
        Path script = Files.createTempFile(dataDir, "pg_dump", ".sh");
        Files.writeString(script, "#!/bin/sh\necho '" + version + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void changesNothingOnDisk() throws IOException {
        Path absent = dataDir.resolve("not-made-yet");
        Result result = doctor("--recourse.data-dir=" + absent, "--recourse.takedown.mail.port=" + closedPort());
        assertThat(result.output).contains("WARNING  data directory " + absent.toAbsolutePath() + " does not exist yet")
                .contains("WARNING  no evidence key file at " + absent.resolve("secrets/evidence-kek.json"));
        assertThat(absent).doesNotExist();
    }

    private int greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        started.add(mail::stop);
        return mail.getSmtp().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Result doctor(String... args) {
        List<String> all = new ArrayList<>(List.of("doctor", "--recourse.takedown.mail.host=localhost"));
        all.addAll(List.of(args));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Doctor.run(all.toArray(String[]::new), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
