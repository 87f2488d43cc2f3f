package org.recourse.platform.internal.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
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
    static final String DUMP = "database/recourse.dump";
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
    public static Summary backup(EmbeddedPostgres embedded, Path dataDir, Path evidenceDir, Path out, Clock clock,
                                 BackupEncryption encryption) throws IOException, SQLException {
        requireEmpty(out);
        Files.createDirectories(out);
        try {
            return backupInto(embedded, dataDir, evidenceDir, out, clock, encryption);
        } catch (IOException | SQLException | RuntimeException e) {
            removeHalfBackup(out);
            throw e;
        }
    }

    private static Summary backupInto(EmbeddedPostgres embedded, Path dataDir, Path evidenceDir, Path out, Clock clock,
                                      BackupEncryption encryption) throws IOException, SQLException {
        Path cluster = embedded.dataDirectory();
        String version;
        try (Connection db = DriverManager.getConnection(embedded.superuserUrl("postgres"), embedded.superuser(),
                embedded.superuserPassword()); Statement sql = db.createStatement()) {
            version = single(sql, "show server_version");
            sql.execute("select pg_backup_start('recourse backup', true)");
            boolean stopped = false;
            try {
                copyCluster(cluster, out, encryption);
                try (ResultSet stop = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                    stop.next();
                    write(stop.getString(1), out, "postgres/backup_label", encryption);
                    String map = stop.getString(2);
                    if (map != null && !map.isEmpty()) {
                        write(map, out, "postgres/tablespace_map", encryption);
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
            try (Stream<Path> segments = Files.list(cluster.resolve("pg_wal"))) {
                for (Path segment : segments.filter(s -> WAL_SEGMENT.matcher(s.getFileName().toString()).matches()).toList()) {
                    copyFile(segment, out, "postgres/pg_wal/" + segment.getFileName(), encryption);
                }
            }
        }
        return finish(dataDir, evidenceDir, out, clock, encryption, version, "postgres/: physical copy of the embedded cluster");
    }

    /**
     * Takes a logical backup of an external database with the operator's {@code pg_dump} (custom
     * format, one consistent snapshot, taken while the server keeps working), then the files beside it.
     */
    public static Summary backupExternal(ExternalDatabase database, Path dataDir, Path evidenceDir, Path out, Clock clock,
                                         BackupEncryption encryption) throws IOException, SQLException {
        requireEmpty(out);
        Files.createDirectories(out);
        try {
            String version = database.serverVersion();
            Files.createDirectories(out.resolve("database"));
            try (OutputStream dump = encryption.encrypting(privateFile(out.resolve(DUMP)), DUMP)) {
                database.dump(dump);
            }
            return finish(dataDir, evidenceDir, out, clock, encryption, version, DUMP + ": pg_dump of the external database (custom format)");
        } catch (IOException | SQLException | RuntimeException e) {
            removeHalfBackup(out);
            throw e;
        }
    }

    /**
     * Restores a verified backup of an external database into {@code target}, which must be a new,
     * empty database, and its evidence and keys into {@code dataDir}, which must be new or empty.
     */
    public static void restoreExternal(Path from, ExternalDatabase target, Path dataDir, BackupEncryption.Opener opener)
            throws IOException, SQLException, GeneralSecurityException {
        BackupEncryption encryption = encryption(from, opener);
        if (!Files.isRegularFile(from.resolve(DUMP))) {
            throw new IllegalArgumentException("this backup is a copy of an embedded database: restore it with --data-dir alone");
        }
        requireEmpty(dataDir);
        if (!target.empty()) {
            throw new IllegalArgumentException("the database at " + target.jdbcUrl() + " is not empty; restore into a new, empty database");
        }
        try (InputStream dump = encryption.decrypting(Files.newInputStream(from.resolve(DUMP)), DUMP)) {
            target.restore(dump);
        }
        try {
            restoreFiles(from, dataDir, encryption);
        } catch (IOException | RuntimeException e) {
            removeHalfBackup(dataDir);
            throw e;
        }
    }

    /** The evidence store after the database, so every object it names is in it; then the keys; then the manifest. */
    private static Summary finish(Path dataDir, Path evidenceDir, Path out, Clock clock, BackupEncryption encryption, String version,
                                  String database) throws IOException {
        if (evidenceDir != null && Files.isDirectory(evidenceDir)) {
            copyInto(evidenceDir, out, "evidence", encryption);
        }
        copyInto(dataDir.resolve("secrets"), out, "keys", encryption);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("createdAt", clock.instant().toString());
        header.put("postgresVersion", version);
        header.put("database", database);
        header.put("evidence", evidenceDir == null ? "s3: rely on bucket versioning and object lock" : "evidence/");
        header.put("keys", encryption.encrypted() ? "keys/: encrypted with the rest; keep the passphrase or private key apart"
                : "keys/: a backup with its keys is as good as plaintext; store them apart");
        if (encryption.encrypted()) {
            header.put("encryption", encryption.description());
        }
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
    public static void restore(Path from, Path dataDir, BackupEncryption.Opener opener) throws IOException, GeneralSecurityException {
        BackupEncryption encryption = encryption(from, opener);
        requireEmpty(dataDir);
        if (!Files.isDirectory(from.resolve("postgres"))) {
            throw new IllegalArgumentException("this backup holds a dump of an external database: restore it with --db-url");
        }
        try {
            copyOut(from, "postgres", dataDir.resolve("postgres"), encryption);
            restoreFiles(from, dataDir, encryption);
        } catch (IOException | RuntimeException e) {
            removeHalfBackup(dataDir);
            throw e;
        }
        EmbeddedPostgres.adopt(dataDir);
    }

    /** The backup's encryption, opened with what the person restoring gave; refuses before anything is written. */
    static BackupEncryption encryption(Path from, BackupEncryption.Opener opener) throws IOException, GeneralSecurityException {
        @SuppressWarnings("unchecked")
        Map<String, Object> description = (Map<String, Object>) JSON.readValue(from.resolve(MANIFEST).toFile(), Map.class)
                .get("encryption");
        return BackupEncryption.open(description, opener);
    }

    /** The evidence store (when it was local) and the keys, laid out as in a data directory. */
    static void restoreFiles(Path from, Path dataDir, BackupEncryption encryption) throws IOException {
        if (Files.isDirectory(from.resolve("evidence"))) {
            copyOut(from, "evidence", dataDir.resolve("evidence"), encryption);
        }
        copyOut(from, "keys", dataDir.resolve("secrets"), encryption);
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

    private static void copyCluster(Path cluster, Path out, BackupEncryption encryption) throws IOException {
        Path target = out.resolve("postgres");
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
                copyFile(file, out, "postgres/" + slashed(relative), encryption);
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

    /** Copies the tree {@code source} into the backup {@code out} under {@code prefix}, each file through the encryption. */
    private static void copyInto(Path source, Path out, String prefix, BackupEncryption encryption) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        Files.createDirectories(out.resolve(prefix));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copyFile(file, out, prefix + "/" + slashed(source.relativize(file)), encryption);
            }
        }
    }

    /** Copies the backup's tree {@code prefix} out of {@code from} to {@code target}, each file decrypted and checked on the way. */
    private static void copyOut(Path from, String prefix, Path target, BackupEncryption encryption) throws IOException {
        Path source = from.resolve(prefix);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String path = prefix + "/" + slashed(source.relativize(file));
                Path copy = target.resolve(source.relativize(file).toString());
                try (InputStream in = encryption.decrypting(Files.newInputStream(file), path); OutputStream plain = privateFile(copy)) {
                    in.transferTo(plain);
                } catch (IOException e) {
                    throw new IOException(path + " does not decrypt: it was altered or belongs to another backup", e);
                }
                Files.setLastModifiedTime(copy, attributes.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyFile(Path source, Path out, String path, BackupEncryption encryption) throws IOException {
        Path target = out.resolve(path);
        Files.createDirectories(target.getParent());
        try (InputStream in = Files.newInputStream(source);
             OutputStream written = encryption.encrypting(privateFile(target), path)) {
            in.transferTo(written);
        }
        if (!encryption.encrypted()) {
            Files.setLastModifiedTime(target, Files.getLastModifiedTime(source));
        }
    }

    private static void write(String content, Path out, String path, BackupEncryption encryption) throws IOException {
        Path target = out.resolve(path);
        Files.createDirectories(target.getParent());
        try (OutputStream written = encryption.encrypting(privateFile(target), path)) {
            written.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A new file only its owner may read: a backup holds everything, and PostgreSQL and the key files want it so. */
    private static OutputStream privateFile(Path target) throws IOException {
        Files.deleteIfExists(target);
        Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.newOutputStream(target);
    }

    private static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /**
     * After a failure (a full disk, a lost connection) nothing may look like a backup or a restored
     * data directory: what was written is removed, so the directory is empty again.
     */
    static void removeHalfBackup(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException ignored) {
            // What cannot be removed has no manifest beside it; restore refuses it.
        }
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
                    in.transferTo(OutputStream.nullOutputStream());
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
