package org.recourse.pdq.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.internal.FileProblems;

/**
 * The CLI's list-of-hashes files, read line by line (a file of 10 million hashes is never held
 * as text). One hash per line, in either of two forms:
 * <ul>
 *   <li>{@code id,hex} — any id text without line breaks (the hex is after the last comma);
 *   <li>{@code hex,quality,path} — the output of {@code pdq hash}, the path becoming the id.
 * </ul>
 * Blank lines and lines starting with {@code #} are ignored, and so are the
 * {@code error,reason,path} lines of failed files in {@code hash} output.
 */
final class HashListFile {

    /** Receives each hash of the file in order. */
    interface Sink {
        void accept(String id, Hash256 hash);
    }

    /** A file that cannot be read or has a line in neither form; the message names file and line. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private HashListFile() {}

    static void read(Path file, Sink sink) throws Problem {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String raw;
            long number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("error,")) {
                    continue;
                }
                int lastComma = line.lastIndexOf(',');
                int firstComma = line.indexOf(',');
                if (lastComma > 0 && isHash(line, lastComma + 1, line.length())) {
                    sink.accept(line.substring(0, lastComma), Hash256.fromHex(line.substring(lastComma + 1)));
                } else if (firstComma == Hash256.HEX_LENGTH && isHash(line, 0, firstComma) && hasQualityAndPath(line)) {
                    sink.accept(line.substring(line.indexOf(',', firstComma + 1) + 1), Hash256.fromHex(line.substring(0, firstComma)));
                } else {
                    throw new Problem(file + " line " + number + ": expected 'id,hex' (64 hex digits) or 'hex,quality,path', got: "
                            + (line.length() > 120 ? line.substring(0, 120) + "…" : line));
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new Problem("cannot read " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new Problem("cannot read " + file + ": " + FileProblems.why(file, e));
        }
    }

    private static boolean isHash(String text, int from, int to) {
        if (to - from != Hash256.HEX_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasQualityAndPath(String line) {
        String[] fields = line.split(",", 3);
        return fields.length == 3 && !fields[2].isEmpty() && fields[1].matches("\\d{1,3}");
    }
}
