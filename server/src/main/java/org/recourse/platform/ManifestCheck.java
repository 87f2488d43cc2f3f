package org.recourse.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one check of a {@code manifest.json} against what was found beside it — for evidence
 * packages and dossiers (ZIPs, {@code ./recourse verify-package}) and backups (directories,
 * {@code ./recourse restore}). The manifest lists files under {@code objects} and {@code files},
 * each with its {@code path} and {@code sha256}.
 */
public final class ManifestCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param altered files whose bytes differ from the manifest (or whose entry is damaged)
     * @param missing files the manifest lists that are absent
     * @param extra   files the manifest does not list, and duplicates
     */
    public record Report(boolean manifestReadable, String packageId, String manifestSha256, int listed, String format,
                         List<String> altered, List<String> missing, List<String> extra) {

        public boolean intact() {
            return manifestReadable && altered.isEmpty() && missing.isEmpty() && extra.isEmpty();
        }
    }

    private ManifestCheck() {
    }

    /** No manifest could be read; {@code found} are the files there were. */
    public static Report unreadable(java.util.Collection<String> found) {
        return new Report(false, null, null, 0, null, List.of(), List.of(), List.copyOf(found));
    }

    /**
     * @param actual     SHA-256 (hex) of every file found, by path; the manifest itself left out
     * @param damaged    paths whose bytes could not be read whole
     * @param duplicates paths found more than once
     */
    public static Report compare(byte[] manifestBytes, Map<String, String> actual, Set<String> damaged, List<String> duplicates) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (JacksonException e) {
            return unreadable(actual.keySet());
        }
        if (!manifest.isObject()) {
            return unreadable(actual.keySet());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (JsonNode object : manifest.path("objects")) {
            expected.put(object.path("path").asString(), object.path("sha256").asString());
        }
        for (JsonNode file : manifest.path("files")) {
            expected.put(file.path("path").asString(), file.path("sha256").asString());
        }
        List<String> altered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        expected.forEach((path, sha256) -> {
            String found = actual.get(path);
            if (found == null) {
                missing.add(path);
            } else if (damaged.contains(path) || !found.equalsIgnoreCase(sha256)) {
                altered.add(path);
            }
        });
        List<String> extra = new ArrayList<>(actual.keySet().stream().filter(path -> !expected.containsKey(path)).toList());
        extra.addAll(duplicates);
        return new Report(true, manifest.path("packageId").asString(null), VerifiableZip.sha256(manifestBytes), expected.size(),
                manifest.path("format").asString(null), altered, missing, extra);
    }
}
