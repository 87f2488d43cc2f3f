package org.recourse.evidence.internal.packaging;

import java.text.Normalizer;
import java.util.Locale;

/** Names inside the ZIP. Fixed here so the writer and the verifier agree. */
final class PackageLayout {

    static final String MANIFEST = "manifest.json";
    static final String SUMMARY = "summary.pdf";
    static final String FORMAT = "recourse-evidence-package/1";

    private PackageLayout() {
    }

    /** {@code objects/003-<id>-<name>}: numbered, unique by id, readable, safe on every filesystem. */
    static String objectPath(int index, PackageContents.PackagedObject object) {
        String name = object.filename() == null ? "" : Normalizer.normalize(object.filename(), Normalizer.Form.NFKD)
                .replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        String suffix = name.isEmpty() ? "" : "-" + name.toLowerCase(Locale.ROOT);
        return "objects/%03d-%s%s".formatted(index + 1, object.id(), suffix);
    }
}
