package org.recourse.platform.internal.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.recourse.platform.ManifestCheck;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online backups of an embedded installation and their restore. A backup is a directory:
 * {@code postgres/} — a physical copy of the running cluster taken between
 * {@code pg_backup_start} and {@code pg_backup_stop} with the write-ahead log it needs, so that it
 * starts consistent; {@code evidence/} — the encrypted evidence store, copied after the database
 * so every object the database names is in it; {@code keys/} — the secrets (database passwords
 * and the evidence key-encryption key), kept apart because a backup with its keys is as good as
 * plaintext; and {@code manifest.json} with the SHA-256 of every file. A restore verifies the
 * manifest first and refuses a backup that was altered or is incomplete, naming each file.
 */
public final class Backups {

    public static final String FORMAT = "recourse-backup/1";
    static final String MANIFEST = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");
    /** Files of a running cluster that a copy must not take (PostgreSQL's own base-backup rules). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
            "server.log");
    /** Directories whose content is recreated at start and is not copied (the directory itself is). */
    private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_subtrans", "pg_dynshmem");

    public record Summary(int files, long bytes, String manifestSha256, boolean evidenceOnS3) {
    }

    private Backups() {
    }

    /**
     * Takes a backup of the running embedded cluster and the files beside it into {@code out},
     * which must not exist or be empty.
     *
     * @param evidenceDir the local evidence store, or null when evidence is on S3 (rely on bucket versioning)
     */
    public static Summary backup(EmbeddedPostgres embedded, Path dataDir, Path evidenceDir, Path out, Clock clock)
            throws IOException, SQLException {
        requireEmpty(out);
        Files.createDirectories(out);
        Path cluster = embedded.dataDirectory();
        String version;
        try (Connection db = DriverManager.getConnection(embedded.superuserUrl("postgres"), embedded.superuser(),
                embedded.superuserPassword()); Statement sql = db.createStatement()) {
            version = single(sql, "show server_version");
            sql.execute("select pg_backup_start('recourse backup', true)");
            boolean stopped = false;
            try {
                copyCluster(cluster, out.resolve("postgres"));
                try (ResultSet stop = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                    stop.next();
                    Files.writeString(out.resolve("postgres").resolve("backup_label"), stop.getString(1));
                    String map = stop.getString(2);
                    if (map != null && !map.isEmpty()) {
                        Files.writeString(out.resolve("postgres").resolve("tablespace_map"), map);
                    }
                }
                stopped = true;
            } finally {
                if (!stopped) {
                    try (ResultSet ignored = sql.executeQuery("select pg_backup_stop(false)")) {
                        // ended so the server does not keep a backup open
                    } catch (SQLException ignored) {
                        // the connection is gone, and with it the backup
                    }
                }
            }
            // Every segment written up to the backup's end, so that recovery reaches a consistent state.
            Path wal = out.resolve("postgres").resolve("pg_wal");
            try (Stream<Path> segments = Files.list(cluster.resolve("pg_wal"))) {
                for (Path segment : segments.filter(s -> WAL_SEGMENT.matcher(s.getFileName().toString()).matches()).toList()) {
                    Files.copy(segment, wal.resolve(segment.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (evidenceDir != null && Files.isDirectory(evidenceDir)) {
            copyTree(evidenceDir, out.resolve("evidence"));
        }
        copyTree(dataDir.resolve("secrets"), out.resolve("keys"));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("createdAt", clock.instant().toString());
        header.put("postgresVersion", version);
        header.put("evidence", evidenceDir == null ? "s3: rely on bucket versioning and object lock" : "evidence/");
        header.put("keys", "keys/: a backup with its keys is as good as plaintext; store them apart");
        return writeManifest(out, header, evidenceDir == null);
    }

    /** Checks every file of the backup in {@code from} against its manifest, with the check evidence packages use. */
    public static ManifestCheck.Report verify(Path from) throws IOException {
        Path manifestFile = from.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return ManifestCheck.unreadable(List.of());
        }
        Map<String, String> actual = hashes(from);
        actual.remove(MANIFEST);
        ManifestCheck.Report report = ManifestCheck.compare(Files.readAllBytes(manifestFile), actual, Set.of(), List.of());
        return FORMAT.equals(report.format()) ? report : ManifestCheck.unreadable(actual.keySet());
    }

    /**
     * Restores a verified backup into {@code dataDir}, which must not exist or be empty: the cluster,
     * the evidence store (when it was local) and the keys, laid out as a data directory.
     */
    public static void restore(Path from, Path dataDir) throws IOException {
        requireEmpty(dataDir);
        copyTree(from.resolve("postgres"), dataDir.resolve("postgres"));
        if (Files.isDirectory(from.resolve("evidence"))) {
            copyTree(from.resolve("evidence"), dataDir.resolve("evidence"));
        }
        copyTree(from.resolve("keys"), dataDir.resolve("secrets"));
        EmbeddedPostgres.adopt(dataDir);
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty; choose a new or empty directory");
                }
            }
        }
    }

    private static void copyCluster(Path cluster, Path target) throws IOException {
        Files.walkFileTree(cluster, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(cluster.relativize(dir).toString()));
                Path parent = cluster.relativize(dir);
                return parent.getNameCount() == 1 && EMPTIED_DIRS.contains(parent.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = cluster.relativize(file);
                if (relative.getNameCount() == 1 && SKIPPED_FILES.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A relation file dropped while we copy is replayed from the write-ahead log.
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Summary writeManifest(Path out, Map<String, Object> header, boolean evidenceOnS3) throws IOException {
        Map<String, String> hashes = hashes(out);
        List<Map<String, Object>> files = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, String> entry : hashes.entrySet()) {
            long size = Files.size(out.resolve(entry.getKey()));
            bytes += size;
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", entry.getKey());
            file.put("sha256", entry.getValue());
            file.put("size", size);
            files.add(file);
        }
        Map<String, Object> manifest = new LinkedHashMap<>(header);
        manifest.put("hashAlgorithm", "SHA-256");
        manifest.put("files", files);
        byte[] written = JSON.writeValueAsBytes(manifest);
        Files.write(out.resolve(MANIFEST), written);
        return new Summary(files.size(), bytes, HexFormat.of().formatHex(digest().digest(written)), evidenceOnS3);
    }

    /** SHA-256 of every regular file under {@code root}, by path relative to it with forward slashes. */
    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                MessageDigest digest = digest();
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                hashes.put(root.relativize(file).toString().replace('\\', '/'), HexFormat.of().formatHex(digest.digest()));
            }
        }
        return hashes;
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
