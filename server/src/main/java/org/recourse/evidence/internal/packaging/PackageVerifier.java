package org.recourse.evidence.internal.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.recourse.platform.ManifestCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a package against its manifest in one streaming pass (the upload page never needs the
 * package on disk): hashes every entry, then names each file whose bytes differ, each file the
 * manifest lists that is absent, and each file the manifest does not list.
 */
public final class PackageVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_MANIFEST = 16 * 1024 * 1024;

    public ManifestCheck.Report verify(InputStream packageBytes) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        Set<String> damaged = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        byte[] manifest = null;
        try (ZipInputStream zip = new ZipInputStream(packageBytes)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (actual.containsKey(name) || (manifest != null && name.equals(PackageLayout.MANIFEST))) {
                    duplicates.add(name);
                }
                if (name.equals(PackageLayout.MANIFEST)) {
                    manifest = readManifest(zip);
                    continue;
                }
                MessageDigest digest = PackageWriter.sha256();
                try {
                    new DigestInputStream(zip, digest).transferTo(OutputStream.nullOutputStream());
                    actual.put(name, HexFormat.of().formatHex(digest.digest()));
                } catch (ZipException e) {
                    // A changed byte in a stored entry shows as a CRC mismatch at its end.
                    actual.put(name, "damaged");
                    damaged.add(name);
                }
            }
        } catch (ZipException e) {
            if (manifest == null && actual.isEmpty()) {
                return ManifestCheck.unreadable(List.of());
            }
        }
        if (manifest == null) {
            return ManifestCheck.unreadable(actual.keySet());
        }
        return ManifestCheck.compare(manifest, actual, damaged, duplicates);
    }


    private static byte[] readManifest(ZipInputStream zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            if (out.size() + n > MAX_MANIFEST) {
                throw new ZipException("manifest too large");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
