package org.recourse.pdq.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.recourse.pdq.Hash256;

/**
 * The CLI's list-of-hashes files. One hash per line, in either of two forms:
 * <ul>
 *   <li>{@code id,hex} — any id text without line breaks (the hex is after the last comma);
 *   <li>{@code hex,quality,path} — the output of {@code pdq hash}, the path becoming the id.
 * </ul>
 * Blank lines and lines starting with {@code #} are ignored, and so are the
 * {@code error,reason,path} lines of failed files in {@code hash} output.
 */
record HashListFile(List<String> ids, List<Hash256> hashes) {

    static HashListFile read(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Hash256> hashes = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("error,")) {
                continue;
            }
            int lastComma = line.lastIndexOf(',');
            int firstComma = line.indexOf(',');
            if (lastComma > 0 && isHash(line.substring(lastComma + 1))) {
                ids.add(line.substring(0, lastComma));
                hashes.add(Hash256.fromHex(line.substring(lastComma + 1)));
            } else if (firstComma == Hash256.HEX_LENGTH && isHash(line.substring(0, firstComma)) && hasQualityAndPath(line)) {
                ids.add(line.substring(line.indexOf(',', firstComma + 1) + 1));
                hashes.add(Hash256.fromHex(line.substring(0, firstComma)));
            } else {
                throw new IOException(file + ":" + (n + 1) + ": expected 'id,hex' or 'hex,quality,path', got: " + line);
            }
        }
        return new HashListFile(List.copyOf(ids), List.copyOf(hashes));
    }

    private static boolean isHash(String text) {
        return text.length() == Hash256.HEX_LENGTH && text.chars().allMatch(HexFormat::isHexDigit);
    }

    private static boolean hasQualityAndPath(String line) {
        String[] fields = line.split(",", 3);
        return fields.length == 3 && !fields[2].isEmpty() && fields[1].matches("\\d{1,3}");
    }
}
