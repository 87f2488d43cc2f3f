package org.recourse.operations.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.springframework.core.env.Environment;

/** The read-only checks behind {@code ./recourse doctor}; each adds findings and never writes. */
public final class DoctorChecks {

    static final int OLDEST_POSTGRES = 15;
    static final long MIN_FREE_BYTES = 2L * 1024 * 1024 * 1024;
    static final Duration MAX_SKEW = Duration.ofSeconds(2);

    private final Environment env;
    private final Clock clock;
    private final List<Finding> findings = new ArrayList<>();

    public DoctorChecks(Environment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public List<Finding> run() {
        Path dataDir = Path.of(env.getProperty("recourse.data-dir", "./data"));
        dataDirectory(dataDir);
        String dbUrl = env.getProperty("recourse.db.url", "");
        if (dbUrl.isBlank()) {
            embeddedDatabase(dataDir);
        } else {
            externalDatabase(dbUrl);
        }
        evidenceStore(dataDir);
        keyFile(dataDir);
        mailServer("SMTP server for mail (notices, enforcement requests)", "recourse.mail.host", "recourse.mail.port", true);
        mailServer("IMAP mailbox for replies", "recourse.takedown.replies.host", "recourse.takedown.replies.port", false);
        if (env.getProperty("recourse.intake.mailbox.enabled", Boolean.class, false)) {
            mailServer("IMAP mailbox for reports", "recourse.intake.mailbox.host", "recourse.intake.mailbox.port", true);
        }
        return List.copyOf(findings);
    }

    private void dataDirectory(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            findings.add(Finding.warning("data directory " + dataDir.toAbsolutePath() + " does not exist yet",
                    "it is made at the first start; set RECOURSE_DATA_DIR if it should be elsewhere"));
        } else if (!Files.isWritable(dataDir)) {
            findings.add(Finding.problem("data directory " + dataDir.toAbsolutePath() + " is not writable",
                    "give the user that runs Recourse write access to it"));
        } else {
            findings.add(Finding.ok("data directory " + dataDir.toAbsolutePath()));
        }
    }

    private void embeddedDatabase(Path dataDir) {
        Path pgVersion = dataDir.resolve("postgres").resolve("PG_VERSION");
        if (Files.isRegularFile(pgVersion)) {
            findings.add(Finding.ok("embedded PostgreSQL data, version " + read(pgVersion)));
        } else {
            findings.add(Finding.ok("embedded PostgreSQL (made at the first start in " + dataDir.resolve("postgres") + ")"));
        }
    }

    private void externalDatabase(String url) {
        Properties props = new Properties();
        props.setProperty("user", env.getProperty("recourse.db.user", ""));
        props.setProperty("password", env.getProperty("recourse.db.password", ""));
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "10");
        props.setProperty("readOnly", "true");
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int, current_setting('server_version'), now()")) {
            rs.next();
            int major = rs.getInt(1) / 10000;
            Instant before = clock.instant();
            Instant dbNow = rs.getTimestamp(3).toInstant();
            if (major < OLDEST_POSTGRES) {
                findings.add(Finding.problem("database runs PostgreSQL " + rs.getString(2),
                        "Recourse needs PostgreSQL " + OLDEST_POSTGRES + " or newer; upgrade the server"));
            } else {
                findings.add(Finding.ok("database reachable, PostgreSQL " + rs.getString(2)));
            }
            clockSkew(Duration.between(dbNow, before).abs());
            pgDump(major);
        } catch (SQLException e) {
            findings.add(Finding.problem("cannot reach the database at " + url.replaceAll("\\?.*", "") + " (" + e.getSQLState() + ")",
                    "check RECOURSE_DB_URL, RECOURSE_DB_USER and RECOURSE_DB_PASSWORD, and that the server is running and allows this host"));
        }
    }

    private void clockSkew(Duration skew) {
        if (skew.compareTo(MAX_SKEW) > 0) {
            findings.add(Finding.problem("this machine's clock differs " + skew.toMillis() + " ms from the database server's",
                    "run NTP (chrony or systemd-timesyncd) on every node and the database server; deadlines and leases rely on it"));
        } else {
            findings.add(Finding.ok("clock within " + MAX_SKEW.toSeconds() + " s of the database server's"));
        }
    }

    private void pgDump(int serverMajor) {
        String pgDump = env.getProperty("recourse.backup.pg-dump", "pg_dump");
        try {
            Process p = new ProcessBuilder(pgDump, "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            int major = Integer.parseInt(version.replaceAll("^\\D*(\\d+).*$", "$1"));
            if (major < serverMajor) {
                findings.add(Finding.problem(version + " is older than the database server (" + serverMajor + ")",
                        "install the PostgreSQL " + serverMajor + " client tools and point RECOURSE_PG_DUMP at their pg_dump; backups need it"));
            } else {
                findings.add(Finding.ok(version + " for backups"));
            }
        } catch (IOException | NumberFormatException e) {
            findings.add(Finding.problem("pg_dump not found at " + pgDump,
                    "install the PostgreSQL client tools (package postgresql-client) or set RECOURSE_PG_DUMP; backups need it"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void evidenceStore(Path dataDir) {
        if ("s3".equalsIgnoreCase(env.getProperty("recourse.evidence.storage", "local"))) {
            boolean complete = true;
            for (String key : List.of("endpoint", "bucket", "access-key", "secret-key")) {
                if (env.getProperty("recourse.evidence.s3." + key, "").isBlank()) {
                    complete = false;
                    findings.add(Finding.problem("evidence on S3 but recourse.evidence.s3." + key + " is not set",
                            "set RECOURSE_EVIDENCE_S3_" + key.toUpperCase().replace('-', '_')));
                }
            }
            if (complete) {
                findings.add(new BucketCheck(env).run());
            }
            return;
        }
        String configured = env.getProperty("recourse.evidence.directory", "");
        Path dir = configured.isBlank() ? dataDir.resolve("evidence") : Path.of(configured);
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            existing = Path.of(".").toAbsolutePath();
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            String amount = free / (1024 * 1024) + " MiB free for evidence in " + dir.toAbsolutePath();
            findings.add(free < MIN_FREE_BYTES
                    ? Finding.problem("only " + amount, "free space or move the evidence store (RECOURSE_EVIDENCE_DIR); intake stops when it is full")
                    : Finding.ok(amount));
        } catch (IOException e) {
            findings.add(Finding.problem("cannot see the disk of " + dir, "check that the folder exists and is readable"));
        }
    }

    private void keyFile(Path dataDir) {
        if (!env.getProperty("recourse.evidence.kek", "").isBlank()) {
            findings.add(Finding.warning("evidence key comes from RECOURSE_EVIDENCE_KEK",
                    "keep it out of shell history and process listings; a key file readable only by Recourse is safer"));
            return;
        }
        String configured = env.getProperty("recourse.evidence.kek-file", "");
        Path file = configured.isBlank() ? dataDir.resolve("secrets").resolve("evidence-kek.json") : Path.of(configured);
        if (!Files.isRegularFile(file)) {
            findings.add(Finding.warning("no evidence key file at " + file,
                    "it is made at the first start; once it exists, back it up apart from the data (without it evidence cannot be read)"));
            return;
        }
        if (!Files.isReadable(file)) {
            findings.add(Finding.problem("evidence key file " + file + " is not readable", "give the user that runs Recourse read access"));
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                findings.add(Finding.problem("evidence key file " + file + " can be read by other users",
                        "run: chmod 600 " + file));
            } else {
                findings.add(Finding.ok("evidence key file " + file + " (only its owner can read it)"));
            }
        } catch (UnsupportedOperationException | IOException e) {
            findings.add(Finding.warning("cannot check who may read " + file, "make sure only the Recourse user can read it"));
        }
    }

    private void mailServer(String what, String hostKey, String portKey, boolean required) {
        String host = env.getProperty(hostKey, "");
        if (host.isBlank()) {
            findings.add(required
                    ? Finding.problem(what + ": no host set (" + hostKey + ")", "set the host so mail can flow")
                    : Finding.warning(what + ": not set up", "replies from providers are not read automatically"));
            return;
        }
        int port = env.getProperty(portKey, Integer.class, 0);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3000);
            findings.add(Finding.ok(what + " " + host + ":" + port + " answers"));
        } catch (IOException e) {
            findings.add(Finding.problem(what + " " + host + ":" + port + " does not answer",
                    "check the host and port, and that a firewall lets this machine reach it"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
