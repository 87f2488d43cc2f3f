package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.PdqHasher;

/**
 * {@code ./recourse hash --engine browser}: the victims' page's own script in Debian's headless
 * Chromium, on the whole interoperability corpus, against the hashes Meta's C++ reference gives
 * ({@code expected.csv} beside the images): 0 bits on every lossless 8-bit image, at most 2 on JPEG
 * and on 16-bit images (compared with the reference's hash of their 8-bit conversion), at most 8 on
 * lossy WebP, quality within 2; TIFF is refused with the reason. It prints what {@code ./recourse
 * hash} prints, in the same order, and the library gives the same bits.
 */
class BrowserHashCommandTest {

    /** Absolute: the command resolves relative names against RECOURSE_CWD, which the launcher sets to where it was started. */
    static final Path CORPUS = Path.of("../pdq/src/test/resources/org/recourse/pdq/corpus").toAbsolutePath().normalize();

    record Expected(String path, String hex, int quality) {
    }

    record Run(int exit, List<String> out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BrowserHashing.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    static List<Expected> expected() throws IOException {
        return Files.readAllLines(CORPUS.resolve("expected.csv")).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split(",")).map(f -> new Expected(f[0], f[1], Integer.parseInt(f[2]))).toList();
    }

    static int allowed(String path) throws IOException {
        if (path.contains("-16.")) {
            return 2;
        }
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(CORPUS.resolve("images").resolve(path)), 64);
        if ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
            return 2;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.startsWith("RIFF") && text.startsWith("WEBP", 8) && !text.contains("VP8L") ? 8 : 0;
    }

    @Test
    void theBrowserHashesTheWholeCorpusLikeTheReferenceAndTheLibrary() throws Exception {
        List<Expected> corpus = expected();
        List<String> args = new ArrayList<>(List.of("hash", "--engine", "browser", "--timings"));
        corpus.forEach(e -> args.add(CORPUS.resolve("images").resolve(e.path()).toString()));

        Run run = run(args.toArray(String[]::new));

        assertThat(run.out()).hasSameSizeAs(corpus);
        Map<String, Expected> byFile = corpus.stream()
                .collect(Collectors.toMap(e -> CORPUS.resolve("images").resolve(e.path()).toString(), Function.identity()));
        PdqHasher library = new PdqHasher();
        List<String> misses = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (int i = 0; i < run.out().size(); i++) {
            String[] fields = run.out().get(i).split(",", 3);
            Expected e = byFile.get(fields[2]);
            assertThat(fields[2]).as("line %d names the file given at that place", i).isEqualTo(args.get(4 + i));
            if (e.path().startsWith("tiff/")) {
                assertThat(run.out().get(i)).isEqualTo("error,unsupported_format," + fields[2]);
                continue;
            }
            int distance = Hash256.fromHex(fields[0]).distance(Hash256.fromHex(e.hex()));
            int quality = Integer.parseInt(fields[1]);
            int fromLibrary = Hash256.fromHex(fields[0]).distance(Hash256.fromHex(library.hash(Path.of(fields[2])).pdq().hex()));
            String line = String.format(Locale.ROOT, "%-32s reference distance=%d (max %d) library distance=%d quality=%d expected=%d",
                    e.path(), distance, allowed(e.path()), fromLibrary, quality, e.quality());
            report.add(line);
            boolean qualityOk = e.quality() == 0 ? quality == 0 : Math.abs(quality - e.quality()) <= 2;
            if (distance > allowed(e.path()) || !qualityOk || fromLibrary > allowed(e.path())) {
                misses.add(line);
            }
        }
        report.forEach(System.out::println);
        assertThat(misses).as("files the browser hashes off the reference or the library").isEmpty();
        assertThat(run.exit()).as("TIFF is refused, so not every file succeeds").isEqualTo(1);
        assertThat(run.err()).contains("cannot hash " + CORPUS.resolve("images/tiff/rgb-8.tiff")
                + ": browsers do not decode TIFF").contains("ms in the browser (webgl)");
    }

    @Test
    void anUnknownEngineOrAMissingFileIsNamed() {
        Run unknown = run("hash", "--engine", "gpu", "x.png");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown engine: gpu (use library or browser)");
        Run none = run("hash", "--engine", "browser");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).startsWith("error: hash needs at least one FILE");

        String good = CORPUS.resolve("images/png/rgb-8.png").toString();
        Run missing = run("hash", "--engine", "browser", "/nonexistent/photo.jpg", good);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).hasSize(2);
        assertThat(missing.out().getFirst()).isEqualTo("error,io_error,/nonexistent/photo.jpg");
        assertThat(missing.out().get(1)).endsWith(",100," + good);
        assertThat(missing.err()).contains("cannot read /nonexistent/photo.jpg: no such file");
    }
}
