package org.recourse.platform.internal.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An external PostgreSQL server as a backup sees it: its JDBC address and a role that owns the
 * schema (the migration role), and the operator's own {@code pg_dump} and {@code pg_restore},
 * which must be at least as new as the server (PostgreSQL refuses a dump by an older client).
 * The password goes to the tools in their environment, never on a command line.
 */
public record ExternalDatabase(String jdbcUrl, String user, String password, String pgDump, String pgRestore) {

    public ExternalDatabase {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the database address must look like jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a database role that owns the schema is needed (RECOURSE_DB_MIGRATION_USER)");
        }
    }

    /** The tools beside {@code pgDump} when it is a path, else from the PATH. */
    public static String restoreToolBeside(String pgDump) {
        Path dump = Path.of(pgDump);
        return dump.getParent() == null ? "pg_restore" : dump.resolveSibling("pg_restore").toString();
    }

    /** The address as libpq reads it: {@code postgresql://HOST:PORT/DATABASE}, without the JDBC driver's options. */
    String libpqUrl() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "postgresql://" + uri.getRawAuthority() + uri.getRawPath();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    String serverVersion() throws SQLException {
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether the database has no relations of its own (a new, empty database). */
    boolean empty() throws SQLException {
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'""")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /** {@code pg_dump} in its custom format, written to {@code out}. */
    void dump(OutputStream out) throws IOException {
        run(List.of(pgDump, "--format=custom", "--no-password", "--dbname=" + libpqUrl()), null, out, "pg_dump");
    }

    /** {@code pg_restore} of a custom-format dump read from {@code in}, in one transaction, stopping at the first error. */
    void restore(InputStream in) throws IOException {
        run(List.of(pgRestore, "--no-owner", "--exit-on-error", "--single-transaction", "--no-password", "--dbname=" + libpqUrl()),
                in, OutputStream.nullOutputStream(), "pg_restore");
    }

    private void run(List<String> command, InputStream stdin, OutputStream stdout, String tool) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().put("PGUSER", user);
        builder.environment().put("PGPASSWORD", password == null ? "" : password);
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(tool + " not found at " + command.getFirst() + ": install the PostgreSQL client tools of the server's "
                    + "version (or newer) and set RECOURSE_PG_DUMP to their pg_dump");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        // Own threads, not the common pool: with one core spare it runs one task at a time, and the
        // tool would wait for its input behind the reader of its errors.
        CompletableFuture<Void> errorReader = CompletableFuture.runAsync(() -> {
            try (InputStream err = process.getErrorStream()) {
                err.transferTo(errors);
            } catch (IOException ignored) {
                // the process is gone; its exit code tells
            }
        }, task -> Thread.ofPlatform().daemon().name(tool + "-errors").start(task));
        CompletableFuture<Void> feeder = CompletableFuture.completedFuture(null);
        if (stdin != null) {
            feeder = CompletableFuture.runAsync(() -> {
                try (OutputStream toProcess = process.getOutputStream()) {
                    stdin.transferTo(toProcess);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, task -> Thread.ofPlatform().daemon().name(tool + "-input").start(task));
        } else {
            process.getOutputStream().close();
        }
        try (InputStream fromProcess = process.getInputStream()) {
            fromProcess.transferTo(stdout);
        }
        try {
            int exit = process.waitFor();
            errorReader.join();
            String said = errors.toString(StandardCharsets.UTF_8).strip();
            if (exit != 0) {
                throw new IOException(tool + " failed (exit " + exit + "): " + (said.isEmpty() ? "no message" : said.lines().limit(5)
                        .reduce((a, b) -> a + " / " + b).orElse("")));
            }
            feeder.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(tool + " was interrupted", e);
        } catch (java.util.concurrent.CompletionException e) {
            throw new IOException(tool + " could not be given its input: " + e.getCause().getMessage(), e);
        }
    }
}
