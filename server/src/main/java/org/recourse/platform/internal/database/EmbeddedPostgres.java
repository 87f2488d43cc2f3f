package org.recourse.platform.internal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose binaries come from Maven (zonky's packaged builds) and whose
 * data directory lives under {@code RECOURSE_DATA_DIR}. It is our own small launcher rather than
 * a test library's because a production data directory must survive restarts, use passwords,
 * listen on loopback only, and be shared by a running server and a {@code ./recourse} command.
 *
 * <p>PostgreSQL refuses to run as root; when we are root the server processes run as the
 * unprivileged user {@code nobody}, which then owns the data directory, keeping only the
 * capability to search directories so it can reach a data directory below a private home
 * folder. Production installations should run Recourse as an ordinary user.
 */
public final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String SUPERUSER = "postgres";
    public static final String APP_ROLE = "recourse_app";
    public static final String DATABASE = "recourse";

    private static final java.util.Set<Path> freshened = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Servers this process started and has not stopped, by data directory. */
    private static final java.util.Map<Path, EmbeddedPostgres> startedInThisProcess = new java.util.HashMap<>();

    private final Path dataDir;
    private final Path binDir;
    private final int port;
    /** Whether this process started the running server (or restarted it after a crash); guarded by the class. */
    private boolean startedHere;
    private final String superuserPassword;
    private final String appPassword;
    /** Users in this process of a server it started (test contexts share one); guarded by the class. */
    private int users = 1;
    private boolean stopped;
    /** The postmaster this process last saw running this data directory. */
    private volatile Postmaster postmaster;

    /**
     * A postmaster process, told apart from a later process that reuses its id by its start time.
     * A killed postmaster whose parent (often the init process) has not yet collected it stays in
     * the process table as a zombie; it counts as dead.
     */
    private record Postmaster(long pid, java.time.Instant started) {

        static Optional<Postmaster> of(long pid) {
            return ProcessHandle.of(pid).filter(handle -> running(handle))
                    .map(handle -> new Postmaster(pid, handle.info().startInstant().orElse(null)));
        }

        boolean alive() {
            return ProcessHandle.of(pid).filter(handle -> running(handle))
                    .filter(handle -> started == null || handle.info().startInstant().map(started::equals).orElse(true))
                    .isPresent();
        }

        private static boolean running(ProcessHandle handle) {
            if (!handle.isAlive()) {
                return false;
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
                char state = stat.charAt(stat.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (IOException | RuntimeException noProcFs) {
                return true;
            }
        }
    }

    private EmbeddedPostgres(Path dataDir, Path binDir, int port, boolean startedHere,
                             String superuserPassword, String appPassword) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.port = port;
        this.startedHere = startedHere;
        this.superuserPassword = superuserPassword;
        this.appPassword = appPassword;
        this.postmaster = readPostmaster(dataDir).orElse(null);
    }

    /**
     * Starts the server on {@code baseDir/postgres}, or attaches to the one another Recourse
     * process already runs there.
     */
    public static synchronized EmbeddedPostgres startOrAttach(Path baseDir, int requestedPort, boolean fresh) {
        try {
            Path dataDir = baseDir.toAbsolutePath().resolve("postgres");
            Path binDir = PostgresBinaries.extract();
            Files.createDirectories(baseDir);
            Path secrets = baseDir.toAbsolutePath().resolve("secrets");
            String superuserPassword = Secrets.readOrCreate(secrets.resolve("postgres-superuser"));
            String appPassword = Secrets.readOrCreate(secrets.resolve("postgres-app"));

            if (fresh && freshened.add(dataDir)) {
                wipe(binDir, dataDir, superuserPassword);
            }
            EmbeddedPostgres ours = startedInThisProcess.get(dataDir);
            if (ours != null) {
                ours.users++;
                return ours;
            }
            Optional<Integer> running = runningPort(dataDir, superuserPassword);
            if (running.isPresent()) {
                log.info("Attaching to the embedded PostgreSQL already running on port {}", running.get());
                return new EmbeddedPostgres(dataDir, binDir, running.get(), false, superuserPassword, appPassword);
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb(binDir, dataDir, superuserPassword);
            }
            int port = requestedPort > 0 ? requestedPort : freePort();
            start(binDir, dataDir, port);
            EmbeddedPostgres pg = new EmbeddedPostgres(dataDir, binDir, port, true, superuserPassword, appPassword);
            pg.ensureDatabaseAndRole();
            startedInThisProcess.put(dataDir, pg);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Connection settings for the launcher's own short checks: a server that does not answer is not waited for. */
    private static final String QUICK = "?connectTimeout=2&loginTimeout=5&socketTimeout=10";

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String superuserUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The cluster's data directory ({@code <data-dir>/postgres}). */
    public Path dataDirectory() {
        return dataDir;
    }

    /**
     * Makes a cluster copied into {@code baseDir/postgres} (a restored backup) one the embedded
     * server can start: only its owner may read it, and as root that owner is {@code nobody}.
     */
    public static void adopt(Path baseDir) throws IOException {
        Path dataDir = baseDir.toAbsolutePath().resolve("postgres");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        handOver(dataDir);
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    public String appPassword() {
        return appPassword;
    }

    /**
     * Whether the postmaster is still running: a look at the process table, no connection, so it
     * costs next to nothing to ask every second.
     */
    public boolean isRunning() {
        Postmaster current = postmaster;
        return current != null && current.alive();
    }

    /**
     * Starts the server again on the same data directory and port after its postmaster died (a
     * crash, the out-of-memory killer, {@code kill -9}). PostgreSQL replays its write-ahead log on
     * the way up, so every committed transaction is there again. A stale {@code postmaster.pid} is
     * replaced by PostgreSQL itself once the process it names is gone; while a dying server's
     * last children still hold its shared memory the start fails and the caller tries again later.
     * If another Recourse process has restarted it meanwhile, that server is adopted.
     *
     * @return whether the server runs again
     * @throws IllegalStateException if PostgreSQL could not be started (the reason is in the message)
     */
    public boolean restartIfDown() {
        synchronized (EmbeddedPostgres.class) {
            if (stopped) {
                return false;
            }
            if (isRunning()) {
                return true;
            }
            Optional<Postmaster> other = readPostmaster(dataDir);
            if (other.isPresent() && other.get().alive() && pidFilePort(dataDir).orElse(-1) == port) {
                postmaster = other.get();
                log.info("The embedded PostgreSQL was restarted by another process (pid {})", other.get().pid());
                return true;
            }
            start(binDir, dataDir, port);
            postmaster = readPostmaster(dataDir).orElse(null);
            startedHere = true;
            startedInThisProcess.putIfAbsent(dataDir, this);
            log.warn("Restarted the embedded PostgreSQL on port {} (pid {})", port,
                    postmaster == null ? "unknown" : postmaster.pid());
            return true;
        }
    }

    private static Optional<Postmaster> readPostmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Postmaster.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> pidFilePort(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.size() < 4 ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Stops the server if this process started it, nothing else in this process still uses it,
     * and no other Recourse process is connected; a command run beside a live server leaves the
     * server's database running. Called again after another process has gone, it tries again.
     * Test contexts in one JVM share the server and close in any order, so the last to close
     * stops it; before, the first did not while the others were connected, and the server
     * outlived the test run.
     */
    public void stopIfUnused() {
        synchronized (EmbeddedPostgres.class) {
            if (!startedHere || stopped) {
                return;
            }
            users = Math.max(0, users - 1);
            if (users > 0) {
                return;
            }
            if (!isRunning()) {
                // Died and not restarted (the supervisor stops first): nothing to stop, nobody to wait for.
                stopped = true;
                startedInThisProcess.remove(dataDir, this);
                return;
            }
            try (Connection c = DriverManager.getConnection(superuserUrl("postgres") + QUICK, SUPERUSER, superuserPassword);
                 var rs = c.createStatement().executeQuery(
                         "select count(*) from pg_stat_activity where backend_type = 'client backend' "
                                 + "and pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    log.info("Leaving the embedded PostgreSQL running: another process is connected");
                    return;
                }
            } catch (SQLException e) {
                log.warn("Could not ask the embedded PostgreSQL for its clients: {}", e.getMessage());
            }
            runAsOwner(binDir, dataDir, List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                    "-m", "fast", "-w", "stop"));
            stopped = true;
            startedInThisProcess.remove(dataDir, this);
        }
    }

    /** Tests start from an empty cluster once per JVM, stopping a server a killed run left behind. */
    private static void wipe(Path binDir, Path dataDir, String superuserPassword) throws IOException {
        if (runningPort(dataDir, superuserPassword).isPresent()) {
            runAsOwner(binDir, dataDir, List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                    "-m", "immediate", "-w", "stop"));
        }
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void ensureDatabaseAndRole() {
        try (Connection c = DriverManager.getConnection(superuserUrl("postgres"), SUPERUSER, superuserPassword)) {
            var st = c.createStatement();
            try (var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                if (!rs.next()) {
                    st.execute("create role " + APP_ROLE + " login password '" + appPassword + "'");
                }
            }
            try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + DATABASE + " encoding 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }

    private static Optional<Integer> runningPort(Path dataDir, String password) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        int port = Integer.parseInt(lines.get(3).trim());
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres" + QUICK, SUPERUSER, password)) {
            return Optional.of(port);
        } catch (SQLException stale) {
            return Optional.empty();
        }
    }

    /**
     * Autovacuum paced as PostgreSQL paced it until version 12 (20 ms sleeps instead of 2). Intake
     * tables grow fast under a partner's bulk load, and autovacuum then vacuums and analyses each of
     * them about once a minute: at the faster pace that burst took a fifth of a core for several
     * seconds and, on a two-core machine, showed as request latency of one to two seconds. At this
     * pace the same work trickles over tens of seconds (BENCHMARKS.md, partner API intake).
     *
     * <p>Data pages that backends (autovacuum workers among them) write out of shared buffers are
     * handed to the kernel for writing after every 256 kB, as the background writer's and the
     * checkpointer's already are. PostgreSQL's default leaves them in the page cache, where Linux
     * keeps dirty data up to 30 s and then writes it in one burst (100 MB in a second at 1 000
     * reports/s); the disk's write latency rose with it and every commit waits for its WAL flush on
     * that disk (0.15–0.3 s request latency). With it the dirty data stays about half as large and
     * no second's write latency rose above 1 ms.
     *
     * <p>Autovacuum looks at the database every 10 s instead of every minute. A statement prepared
     * while a table was nearly empty keeps its plan until the table is next analysed, and a new
     * database has no statistics at all: under a partner's bulk load into a fresh installation,
     * the look-ups of cases and items by key ran as sequential scans over tens of thousands of rows
     * for up to a minute and doubled PostgreSQL's CPU per report (BENCHMARKS.md, partner API
     * intake). The thresholds that decide what is vacuumed or analysed are unchanged: the same
     * work, in smaller steps.
     */
    static final String RECOURSE_SETTINGS = """

            # Recourse
            autovacuum_vacuum_cost_delay = 20ms
            autovacuum_naptime = 10s
            backend_flush_after = 256kB
            """;

    private static void initdb(Path binDir, Path dataDir, String superuserPassword) throws IOException {
        Files.createDirectories(dataDir);
        Path pwFile = Files.createTempFile("recourse-pw", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwFile, superuserPassword, StandardCharsets.UTF_8);
            handOver(dataDir, pwFile);
            runAsOwner(binDir, dataDir, List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwFile, "-A", "scram-sha-256", "-E", "UTF8",
                    "--no-locale"));
        } finally {
            Files.deleteIfExists(pwFile);
        }
        // In postgresql.conf rather than on the command line, so that an operator can still change it
        // with ALTER SYSTEM or in the file.
        Files.writeString(dataDir.resolve("postgresql.conf"), RECOURSE_SETTINGS, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        log.info("Created a new PostgreSQL data directory at {}", dataDir);
    }

    private static void start(Path binDir, Path dataDir, int port) {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c max_connections=200";
        runAsOwner(binDir, dataDir, List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-o", options, "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60", "start"));
    }

    private static void runAsOwner(Path binDir, Path dataDir, List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                    "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .directory(dataDir.getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL command failed: " + command.getFirst()
                        + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As root, the data directory (and the one-time password file) must belong to nobody. */
    private static void handOver(Path... paths) throws IOException {
        if (!isRoot()) {
            return;
        }
        for (Path path : paths) {
            try {
                Process chown = new ProcessBuilder("chown", "-R", "nobody:nogroup", path.toString())
                        .inheritIO().start();
                if (chown.waitFor() != 0) {
                    throw new IOException("chown failed for " + path);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Random passwords kept in files only their owner can read. */
    static final class Secrets {
        private static final SecureRandom random = new SecureRandom();

        private Secrets() {
        }

        static String readOrCreate(Path file) throws IOException {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, secret);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
            }
            return Files.readString(file).trim();
        }
    }
}
