package org.recourse.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recourse.platform.internal.database.BackupEncryption;
import org.recourse.platform.internal.database.BackupSecrets;
import org.recourse.platform.internal.database.Backups;
import org.recourse.platform.internal.database.ExternalDatabase;

/**
 * {@code ./recourse restore --from DIR --data-dir NEW [--db-url URL --db-user ROLE]}: puts a backup
 * made by {@code ./recourse backup} into a new, empty data directory (and, for a backup of an
 * external database, into a new, empty database there), decrypting it when it is encrypted. Runs without the application (no
 * database is started, nothing else is touched). The manifest is checked first: a backup with an
 * altered, missing or extra file is refused, and each such file is named.
 */
public final class Restore {

    private Restore() {
    }

    public static boolean isRestore(String[] args) {
        return args.length > 0 && args[0].equals("restore");
    }

    private static final String USAGE = "usage: ./recourse restore --from DIR --data-dir NEW [--db-url URL --db-user ROLE "
            + "[--db-password-file FILE]] [--identity FILE | --passphrase-file FILE] (NEW and the database must be new or empty)";

    public static int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            out.println("restore --from DIR --data-dir NEW — restores a backup into a new, empty data directory after checking its manifest;");
            out.println("  with --db-url URL --db-user ROLE the database goes into a new, empty external database (pg_restore; the password");
            out.println("  from --db-password-file or RECOURSE_DB_MIGRATION_PASSWORD); an encrypted backup needs --identity FILE or the");
            out.println("  passphrase (--passphrase-file FILE or RECOURSE_BACKUP_PASSPHRASE)");
            return 0;
        }
        if (!args.unknown(Set.of("help", "from", "data-dir", "db-url", "db-user", "db-password-file", "pg-restore", "identity",
                "passphrase-file")).isEmpty() || args.option("from").filter(v -> !v.isBlank()).isEmpty()
                || args.option("data-dir").filter(v -> !v.isBlank()).isEmpty()
                || args.option("db-url").isPresent() != args.option("db-user").isPresent()) {
            err.println(USAGE);
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
            BackupEncryption.Opener opener = BackupSecrets.opener(args, System.getenv(BackupSecrets.PASSPHRASE_ENV));
            if (args.option("db-url").isPresent()) {
                String pgRestore = args.option("pg-restore").filter(v -> !v.isBlank())
                        .or(() -> Optional.ofNullable(System.getenv("RECOURSE_PG_RESTORE")))
                        .orElseGet(() -> ExternalDatabase.restoreToolBeside(Optional.ofNullable(System.getenv("RECOURSE_PG_DUMP")).orElse("pg_dump")));
                char[] password = BackupSecrets.secret(args, "db-password-file", System.getenv("RECOURSE_DB_MIGRATION_PASSWORD")).orElse(null);
                ExternalDatabase database = new ExternalDatabase(args.option("db-url").orElseThrow(), args.option("db-user").orElseThrow(),
                        password == null ? null : new String(password), "pg_dump", pgRestore);
                Backups.restoreExternal(from, database, target, opener);
                out.println("restored the database into " + database.jdbcUrl() + " and the evidence and keys into " + target
                        + "; start it with RECOURSE_DB_URL=" + database.jdbcUrl() + " RECOURSE_DATA_DIR=" + target + " ./recourse run");
                return 0;
            }
            Backups.restore(from, target, opener);
            out.println("restored into " + target + "; start it with RECOURSE_DATA_DIR=" + target + " ./recourse run");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("refused: " + e.getMessage() + "; nothing was restored");
            return 1;
        } catch (IOException | SQLException | GeneralSecurityException | RuntimeException e) {
            err.println("error: not restored: " + e.getMessage());
            return 1;
        }
    }
}
