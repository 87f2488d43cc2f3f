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

/** The CLI run in-process on files of the shared corpus. */
class PdqCliTest {

    private static final String BRIDGE_HEX = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

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
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/pdq/images"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("shared/pdq corpus not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("shared/pdq/images").resolve(path).toString();
    }

    @Test
    void hashPrintsHexQualityAndPathPerFile() {
        String original = corpus("misc-images/modes/L.png");
        String small = corpus("misc-images/small.jpg");

        int exit = run("hash", original, small);

        assertThat(exit).isZero();
        assertThat(outLines()).containsExactly(
                BRIDGE_HEX + ",100," + original,
                "0007001f003f003f007f00ff00ff00ff01ff01ff01ff03ff03ff03ff03ff03ff,0," + small);
    }

    @Test
    void hashReportsUnreadableFilesAndExitsNonZero() throws IOException {
        Path truncated = temp.resolve("truncated.jpg");
        byte[] jpeg = Files.readAllBytes(Path.of(corpus("bridge-mods/aaa-orig.jpg")));
        Files.write(truncated, java.util.Arrays.copyOf(jpeg, 300));
        Path text = Files.writeString(temp.resolve("notes.txt"), "not an image");
        Path missing = temp.resolve("missing.png");
        String good = corpus("bridge-mods/square-128x128.jpg");

        int exit = run("hash", truncated.toString(), good, text.toString(), missing.toString());

        assertThat(exit).isEqualTo(PdqCli.SOME_FILES_FAILED);
        assertThat(outLines()).containsExactly(
                "error,corrupt," + truncated,
                "d8f8f1eec0f4a84f0e37022a078f63f0b36e2ed596621e1d33e6239c4e9c9b22,100," + good,
                "error,unsupported_format," + text,
                "error,io_error," + missing);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(truncated.toString(), missing.toString());
    }

    @Test
    void hashRefusesImagesAboveThePixelLimitGivenOnTheCommandLine() {
        String photo = corpus("bridge-mods/aaa-orig.jpg");

        int exit = run("hash", "--max-pixels", "1000000", photo);

        assertThat(exit).isEqualTo(PdqCli.SOME_FILES_FAILED);
        assertThat(outLines()).containsExactly("error,too_many_pixels," + photo);
    }

    @Test
    void matchReadsHashOutputAndIdHexFilesAndPrintsMatches() throws IOException {
        run("hash", corpus("bridge-mods/aaa-orig.jpg"), corpus("bridge-mods/sharpen-a-lot.jpg"), corpus("misc-images/wee.jpg"));
        Path index = Files.write(temp.resolve("index.csv"), outLines());
        Path queries = Files.writeString(temp.resolve("queries.csv"), """
                # id,hex
                bridge-copy,%s
                random,0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """.formatted(BRIDGE_HEX));
        out.reset();

        int exit = run("match", "--index", index.toString(), "--queries", queries.toString(), "-d", "31");

        assertThat(exit).isZero();
        assertThat(outLines()).containsExactly(
                "bridge-copy," + corpus("bridge-mods/aaa-orig.jpg") + ",0",
                "bridge-copy," + corpus("bridge-mods/sharpen-a-lot.jpg") + ",14");
    }

    @Test
    void matchHonoursTheDistance() throws IOException {
        Path index = Files.writeString(temp.resolve("index.csv"), "a," + BRIDGE_HEX + "\n");
        Path queries = Files.writeString(temp.resolve("queries.csv"),
                "q,d0f8f0cec0f4a84f0e370a22238f67f0b36a2ef596231e1d73e6a39c4e9c9b22\n");

        run("match", "--index", index.toString(), "--queries", queries.toString(), "-d", "13");
        assertThat(outLines()).isEmpty();
        run("match", "--index", index.toString(), "--queries", queries.toString(), "-d", "14");
        assertThat(outLines()).containsExactly("q,a,14");
    }

    @Test
    void matchRejectsMalformedLinesWithTheirLineNumber() throws IOException {
        Path index = Files.writeString(temp.resolve("index.csv"), "a," + BRIDGE_HEX + "\nb,not-a-hash\n");

        int exit = run("match", "--index", index.toString(), "--queries", index.toString());

        assertThat(exit).isEqualTo(PdqCli.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("index.csv:2");
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
