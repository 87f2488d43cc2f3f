package org.recourse.pdq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process on files of the generated corpus, against the C++ reference's hashes. */
class PdqCliTest {

    private static final String CORPUS = "/org/recourse/pdq/corpus/";
    private static final String GREY_HEX = expectedHex("png/grey-8.png");

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PdqCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String corpus(String path) {
        try {
            return Path.of(PdqCliTest.class.getResource(CORPUS + "images/" + path).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference's hash of a corpus image, from the corpus's expected.csv. */
    private static String expectedHex(String path) {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                PdqCliTest.class.getResourceAsStream(CORPUS + "expected.csv"), StandardCharsets.UTF_8))) {
            return lines.lines().filter(l -> l.startsWith(path + ",")).findFirst().orElseThrow().split(",")[1];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int distance(String hexA, String hexB) {
        return org.recourse.pdq.Hash256.fromHex(hexA).distance(org.recourse.pdq.Hash256.fromHex(hexB));
    }

    @Test
    void hashPrintsHexQualityAndPathPerFile() {
        String grey = corpus("png/grey-8.png");
        String tiny = corpus("tiny/rgb-2x2.png");

        int exit = run("hash", grey, tiny);

        assertThat(exit).isZero();
        assertThat(outLines()).containsExactly(
                GREY_HEX + ",100," + grey,
                expectedHex("tiny/rgb-2x2.png") + ",0," + tiny);
    }

    @Test
    void hashReportsUnreadableFilesWithTheReasonAndExitsNonZero() throws IOException {
        Path truncated = temp.resolve("truncated.jpg");
        byte[] jpeg = Files.readAllBytes(Path.of(corpus("jpeg/baseline-q60-large.jpg")));
        Files.write(truncated, java.util.Arrays.copyOf(jpeg, 300));
        Path text = Files.writeString(temp.resolve("notes.txt"), "not an image");
        Path missing = temp.resolve("missing.png");
        String good = corpus("jpeg/baseline-q90.jpg");

        int exit = run("hash", truncated.toString(), good, text.toString(), missing.toString(), temp.toString());

        assertThat(exit).isEqualTo(PdqCli.SOME_FILES_FAILED);
        assertThat(outLines()).containsExactly(
                "error,corrupt," + truncated,
                expectedHex("jpeg/baseline-q90.jpg") + ",100," + good,
                "error,unsupported_format," + text,
                "error,io_error," + missing,
                "error,io_error," + temp);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).contains(
                "cannot read " + missing + ": no such file",
                "cannot read " + temp + ": it is a directory",
                "cannot hash " + text + ": not an image PDQ can decode (JPEG, PNG, GIF, BMP, TIFF and WebP are)")
                .anySatisfy(line -> assertThat(line).startsWith("cannot hash " + truncated + ": damaged or truncated image data ("));
    }

    @Test
    void theLibraryIsTheEngineHereAndAnUnknownEngineIsAnError() {
        String grey = corpus("png/grey-8.png");
        assertThat(run("hash", "--engine", "library", grey)).isEqualTo(PdqCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("," + grey + System.lineSeparator());
        assertThat(run("hash", "--engine", "gpu", grey)).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: unknown engine: gpu (use library or browser)");
        assertThat(run("hash", "--engine", "browser", grey)).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--engine browser runs through ./recourse hash");
    }

    @Test
    void hashRefusesImagesAboveThePixelLimitGivenOnTheCommandLine() {
        String photo = corpus("jpeg/baseline-q60-large.jpg");

        int exit = run("hash", "--max-pixels", "100000", photo);

        assertThat(exit).isEqualTo(PdqCli.SOME_FILES_FAILED);
        assertThat(outLines()).containsExactly("error,too_many_pixels," + photo);
    }

    @Test
    void matchReadsHashOutputAndIdHexFilesAndPrintsMatches() throws IOException {
        String png = corpus("png/rgb-8.png");
        String jpeg = corpus("jpeg/baseline-q90.jpg");
        run("hash", png, jpeg, corpus("png/rgb-8-portrait.png"));
        Path index = Files.write(temp.resolve("index.csv"), outLines());
        Path queries = Files.writeString(temp.resolve("queries.csv"), """
                # id,hex
                photo-copy,%s
                random,0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """.formatted(expectedHex("png/rgb-8.png")));
        out.reset();

        int exit = run("match", "--index", index.toString(), "--queries", queries.toString(), "-d", "31");

        assertThat(exit).isZero();
        int jpegDistance = distance(expectedHex("png/rgb-8.png"), expectedHex("jpeg/baseline-q90.jpg"));
        assertThat(jpegDistance).as("the JPEG is a near copy").isBetween(1, 31);
        assertThat(outLines()).containsExactly("photo-copy," + png + ",0", "photo-copy," + jpeg + "," + jpegDistance);
    }

    @Test
    void matchHonoursTheDistance() throws IOException {
        Path index = Files.writeString(temp.resolve("index.csv"), "a," + GREY_HEX + "\n");
        StringBuilder flipped = new StringBuilder(GREY_HEX);
        for (int i = 0; i < 14; i++) {
            flipped.setCharAt(i * 4, Character.forDigit(Character.digit(GREY_HEX.charAt(i * 4), 16) ^ 1, 16));
        }
        Path queries = Files.writeString(temp.resolve("queries.csv"), "q," + flipped + "\n");

        run("match", "--index", index.toString(), "--queries", queries.toString(), "-d", "13");
        assertThat(outLines()).isEmpty();
        run("match", "--index", index.toString(), "--queries", queries.toString(), "-d", "14");
        assertThat(outLines()).containsExactly("q,a,14");
    }

    @Test
    void matchStreamsLargeFilesAndKeepsQueryOrder() throws IOException {
        java.util.Random random = new java.util.Random(7);
        List<String> indexLines = new java.util.ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            byte[] bits = new byte[32];
            random.nextBytes(bits);
            indexLines.add("id-" + i + "," + java.util.HexFormat.of().formatHex(bits));
        }
        Path index = Files.write(temp.resolve("big-index.csv"), indexLines);
        List<String> queryLines = new java.util.ArrayList<>();
        for (int q = 0; q < PdqCli.QUERY_BATCH + 10; q++) {
            int target = (q * 7919) % indexLines.size();
            queryLines.add("q" + q + "," + indexLines.get(target).split(",")[1]);
        }
        Path queries = Files.write(temp.resolve("queries.csv"), queryLines);

        int exit = run("match", "--index", index.toString(), "--queries", queries.toString(), "-d", "0");

        assertThat(exit).isZero();
        List<String> lines = outLines();
        assertThat(lines).hasSize(queryLines.size());
        assertThat(lines.get(0)).isEqualTo("q0,id-0,0");
        assertThat(lines.getLast()).isEqualTo("q" + (queryLines.size() - 1) + ",id-"
                + ((queryLines.size() - 1) * 7919 % indexLines.size()) + ",0");
    }

    @Test
    void matchNamesAMissingOrMalformedFile() throws IOException {
        Path missing = temp.resolve("nowhere.csv");
        Path queries = Files.writeString(temp.resolve("q.csv"), "q," + GREY_HEX + "\n");

        assertThat(run("match", "--index", missing.toString(), "--queries", queries.toString())).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: cannot read " + missing + ": no such file");

        Path latin1 = Files.write(temp.resolve("latin1.csv"), new byte[] {'a', (byte) 0xe9, ',', '1', '\n'});
        err.reset();
        assertThat(run("match", "--index", latin1.toString(), "--queries", queries.toString())).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: cannot read " + latin1 + ": not UTF-8 text");
    }

    @Test
    void matchRejectsMalformedLinesWithTheirLineNumber() throws IOException {
        Path index = Files.writeString(temp.resolve("index.csv"), "a," + GREY_HEX + "\nb,not-a-hash\n");

        int exit = run("match", "--index", index.toString(), "--queries", index.toString());

        assertThat(exit).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("index.csv line 2: expected 'id,hex' (64 hex digits)");
    }

    @Test
    void helpPrintsUsageAndUnknownCommandsFail() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("hash", "match --index FILE --queries FILE");
        assertThat(run("frobnicate")).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(run()).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(run("match", "--index", "x")).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(run("match", "--index", "x", "--queries", "y", "-d", "64")).isEqualTo(PdqCli.USAGE_ERROR);
    }
}
