package org.recourse.pdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The interoperability corpus in this repository ({@code src/test/resources/org/recourse/pdq/corpus}):
 * images the project generated itself ({@code corpus.CorpusGenerator}, {@code pdq/corpus/make-corpus.sh})
 * and the hashes Meta's C++ reference gives for them ({@code expected.csv}: {@code path,pdq_hex,quality,note},
 * where {@code note} is {@code reference} for a file the reference read as is, or
 * {@code reference-on-conversion} for one it hashed through its 8-bit sRGB conversion).
 */
final class ReferenceCorpus {

    record Entry(String path, Hash256 hash, int quality, String note) {

        boolean throughConversion() {
            return note.equals("reference-on-conversion");
        }
    }

    private ReferenceCorpus() {}

    static Path directory() {
        try {
            return Path.of(ReferenceCorpus.class.getResource("corpus/expected.csv").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the corpus (org/recourse/pdq/corpus/expected.csv) is not on the test classpath", e);
        }
    }

    static Path image(String relativePath) {
        return directory().resolve("images").resolve(relativePath);
    }

    static Path conversion(String relativePath) {
        return directory().resolve("conversions").resolve(relativePath + ".png");
    }

    static List<Entry> entries() {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory().resolve("expected.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || !lines.getFirst().equals("path,pdq_hex,quality,note")) {
            throw new IllegalStateException("expected.csv does not start with path,pdq_hex,quality,note");
        }
        return lines.stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(",", -1))
                .map(f -> new Entry(f[0], Hash256.fromHex(f[1]), Integer.parseInt(f[2]), f[3]))
                .toList();
    }
}
