package org.recourse.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server from Debian's packages ({@code postgresql-15}), started in a temporary
 * directory for a test that needs an external database together with client tools of the same
 * version ({@code pg_dump}, {@code pg_restore}): the embedded server ships none, and Debian's
 * client is older than it. As root the server runs as {@code nobody}, as PostgreSQL demands.
 */
public final class DebianPostgres implements AutoCloseable {

    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    public static final String SUPERUSER = "postgres";

    private final Path dir;
    private final int port;
    private final String password;

    private DebianPostgres(Path dir, int port, String password) {
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("pg_ctl")) && Files.isExecutable(BIN.resolve("pg_dump"));
    }

    public static DebianPostgres start() throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException(BIN + " has no PostgreSQL 15: install Debian's postgresql-15 (.ci/run does)");
        }
        Path dir = Files.createTempDirectory("debian-postgres");
        String password = "superuser-" + Long.toHexString(System.nanoTime());
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, password + "\n");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        if (root()) {
            exec(List.of("chown", "-R", "nobody:nogroup", dir.toString()));
        }
        exec(asServer(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "--encoding=UTF8", "--locale=C")));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        exec(asServer(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start")));
        return new DebianPostgres(dir, port, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String superuserPassword() {
        return password;
    }

    public Path tool(String name) {
        return BIN.resolve(name);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        exec(asServer(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop")));
        try (var files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static List<String> asServer(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--reset-env"));
        full.addAll(command);
        return full;
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
