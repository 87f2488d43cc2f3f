package org.recourse.evidence.internal.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;

import org.recourse.platform.VerifiableZip;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams an evidence package as a ZIP: every object, {@code summary.pdf} and {@code manifest.json}.
 * Entries are stored uncompressed, so a changed byte breaks only its own entry and the verifier
 * can still read and name everything else. Each object is read twice: once to confirm it still
 * has the SHA-256 recorded at capture (and to get the CRC the ZIP header needs), once to write it.
 */
public final class PackageWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final SummaryRenderer summary;

    public PackageWriter(SummaryRenderer summary) {
        this.summary = summary;
    }

    /** Writes the package to {@code out}; returns the SHA-256 of the manifest it wrote. */
    public String write(PackageContents contents, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(OutputStreamGuard.keepOpen(out))) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (int i = 0; i < contents.objects().size(); i++) {
                PackageContents.PackagedObject object = contents.objects().get(i);
                String path = PackageLayout.objectPath(i, object);
                writeObject(zip, path, object);
                objects.add(manifestEntry(path, object));
            }
            byte[] pdf = summary.render(contents);
            VerifiableZip.writeStored(zip, PackageLayout.SUMMARY, pdf);
            byte[] manifest = JSON.writeValueAsBytes(manifest(contents, objects, sha256(pdf)));
            VerifiableZip.writeStored(zip, PackageLayout.MANIFEST, manifest);
            return sha256(manifest);
        }
    }

    private static void writeObject(ZipOutputStream zip, String path, PackageContents.PackagedObject object) throws IOException {
        try {
            VerifiableZip.writeStored(zip, path, object.size(), object.sha256(), object.content()::open);
        } catch (VerifiableZip.ChangedFile e) {
            throw new IOException("evidence object " + object.id() + " no longer matches its recorded SHA-256; package not made", e);
        }
    }

    private static Map<String, Object> manifestEntry(String path, PackageContents.PackagedObject object) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", object.id().toString());
        entry.put("path", path);
        entry.put("sha256", object.sha256());
        entry.put("size", object.size());
        entry.put("kind", object.kind());
        entry.put("filename", object.filename());
        entry.put("contentType", object.contentType());
        entry.put("capturedAt", object.capturedAt().toString());
        entry.put("capture", object.capture());
        List<Map<String, Object>> custody = new ArrayList<>();
        for (PackageContents.CustodyLine line : object.custody()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("at", line.at().toString());
            c.put("actor", line.actor());
            c.put("action", line.action());
            c.put("detail", line.detail());
            custody.add(c);
        }
        entry.put("custody", custody);
        return entry;
    }

    private static Map<String, Object> manifest(PackageContents contents, List<Map<String, Object>> objects, String summarySha256) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", PackageLayout.FORMAT);
        manifest.put("packageId", contents.packageId().toString());
        manifest.put("caseId", contents.caseId().toString());
        manifest.put("createdAt", contents.createdAt().toString());
        manifest.put("createdBy", contents.createdBy());
        manifest.put("recipient", contents.recipient());
        manifest.put("hashAlgorithm", "SHA-256");
        manifest.put("objects", objects);
        manifest.put("files", List.of(Map.of("path", PackageLayout.SUMMARY, "sha256", summarySha256)));
        return manifest;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Keeps the caller's stream open when the ZIP is finished: the caller owns it. */
    private static final class OutputStreamGuard extends java.io.FilterOutputStream {
        private OutputStreamGuard(OutputStream out) {
            super(out);
        }

        static OutputStream keepOpen(OutputStream out) {
            return new OutputStreamGuard(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
