package org.recourse.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared interoperability corpus ({@code shared/pdq/}: images and the C++ reference's
 * hashes). Found by walking up from the working directory, so it works from the module, the
 * worktree root or a CI clone with {@code shared/} beside it.
 */
final class ReferenceCorpus {

    record Entry(String path, Hash256 hash, int quality, String note) {}

    private ReferenceCorpus() {}

    static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("pdq");
            if (Files.isRegularFile(candidate.resolve("expected.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/pdq/expected.csv in " + start + " or any parent directory;"
                + " the interoperability corpus must sit in shared/pdq next to the project");
    }

    static Path image(String relativePath) {
        return directory().resolve("images").resolve(relativePath);
    }

    static List<Entry> entries() throws IOException {
        List<String> lines = Files.readAllLines(directory().resolve("expected.csv"));
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
