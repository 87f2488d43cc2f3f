package org.recourse.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ZIP whose {@code manifest.json} lists the SHA-256 of every file, so that
 * {@code ./recourse verify-package} names each altered, missing or extra file — the one format
 * for evidence packages and escalation dossiers. Entries are stored uncompressed: a changed byte
 * breaks only its own entry and the rest stays readable.
 */
public final class VerifiableZip implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ZipOutputStream zip;
    private final List<Map<String, Object>> files = new ArrayList<>();

    /** Writes into {@code out}, which stays open when the ZIP is finished (the caller owns it). */
    public VerifiableZip(OutputStream out) {
        this.zip = new ZipOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        });
    }

    /** Adds a file and remembers its hash for the manifest. */
    public void add(String path, byte[] bytes) throws IOException {
        writeStored(zip, path, bytes);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", path);
        file.put("sha256", sha256(bytes));
        file.put("size", bytes.length);
        files.add(file);
    }

    /** A file no longer has the SHA-256 and size recorded for it: it was not written. */
    public static final class ChangedFile extends IOException {
        public ChangedFile(String path) {
            super(path + " no longer matches its recorded SHA-256; not written");
        }
    }

    /** A file's bytes, opened each time they are read. */
    @FunctionalInterface
    public interface Source {
        java.io.InputStream open() throws IOException;
    }

    /**
     * Adds a large file without holding it in memory: read once for its CRC and hash, then again to
     * write it. Refused (nothing added) when it no longer has the recorded SHA-256 and size.
     */
    public void add(String path, long size, String sha256, Source source) throws IOException {
        writeStored(zip, path, size, sha256, source);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", path);
        file.put("sha256", sha256);
        file.put("size", size);
        files.add(file);
    }

    /** {@link #add(String, long, String, Source)} into a plain ZIP stream. */
    public static void writeStored(ZipOutputStream zip, String path, long size, String sha256, Source source) throws IOException {
        CRC32 crc = new CRC32();
        MessageDigest digest = digest();
        long read;
        try (java.io.InputStream in = new java.util.zip.CheckedInputStream(new java.security.DigestInputStream(source.open(), digest), crc)) {
            read = in.transferTo(OutputStream.nullOutputStream());
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256) || read != size) {
            throw new ChangedFile(path);
        }
        zip.putNextEntry(storedEntry(path, size, crc.getValue()));
        try (java.io.InputStream in = source.open()) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    /** Writes {@code manifest.json} — {@code header} first, then {@code files} — and ends the ZIP; returns the manifest's SHA-256. */
    public String finish(Map<String, Object> header) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>(header);
        manifest.put("hashAlgorithm", "SHA-256");
        manifest.put("files", files);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        writeStored(zip, MANIFEST, bytes);
        zip.finish();
        zip.flush();
        return sha256(bytes);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** One uncompressed entry holding {@code bytes}. */
    public static void writeStored(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        zip.putNextEntry(storedEntry(path, bytes.length, crc.getValue()));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The header of an uncompressed entry whose size and CRC are known before it is written. */
    public static ZipEntry storedEntry(String path, long size, long crc) {
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        return entry;
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
