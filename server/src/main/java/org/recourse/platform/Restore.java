package org.recourse.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.recourse.platform.internal.database.Backups;

/**
 * {@code ./recourse restore --from DIR --data-dir NEW}: puts a backup made by
 * {@code ./recourse backup} into a new, empty data directory. Runs without the application (no
 * database is started, nothing else is touched). The manifest is checked first: a backup with an
 * altered, missing or extra file is refused, and each such file is named.
 */
public final class Restore {

    private Restore() {
    }

    public static boolean isRestore(String[] args) {
        return args.length > 0 && args[0].equals("restore");
    }

    public static int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            out.println("restore --from DIR --data-dir NEW — restores a backup into a new, empty data directory after checking its manifest");
            return 0;
        }
        if (!args.unknown(Set.of("help", "from", "data-dir")).isEmpty() || args.option("from").filter(v -> !v.isBlank()).isEmpty()
                || args.option("data-dir").filter(v -> !v.isBlank()).isEmpty()) {
            err.println("usage: ./recourse restore --from DIR --data-dir NEW (NEW must be new or empty)");
            return 2;
        }
        Path from = CommandLine.userPath(args.option("from").orElseThrow());
        Path target = CommandLine.userPath(args.option("data-dir").orElseThrow());
        try {
            ManifestCheck.Report check = Backups.verify(from);
            if (!check.manifestReadable()) {
                err.println("refused: " + from + " has no readable Recourse backup manifest (manifest.json)");
                return 1;
            }
            if (!check.intact()) {
                check.altered().forEach(path -> err.println("altered: " + path));
                check.missing().forEach(path -> err.println("missing: " + path));
                check.extra().forEach(path -> err.println("extra: " + path));
                err.println("refused: the backup does not match its manifest; nothing was restored");
                return 1;
            }
            Backups.restore(from, target);
            out.println("restored into " + target + "; start it with RECOURSE_DATA_DIR=" + target + " ./recourse run");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("error: not restored: " + e.getMessage());
            return 1;
        }
    }
}
