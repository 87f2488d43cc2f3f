package org.recourse.platform.internal.database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.recourse.platform.CommandLine;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse backup --out DIR}: an online backup of the embedded installation — database,
 * evidence store and keys, with a manifest — while the server keeps taking reports. See
 * {@link Backups}; {@code ./recourse restore} puts it back.
 */
@Component
class BackupCommand implements CliCommand {

    private final DatabaseServer server;
    private final Environment env;
    private final Clock clock;

    BackupCommand(DatabaseServer server, Environment env, Clock clock) {
        this.server = server;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String summary() {
        return "online backup of the database, evidence and keys into a new directory, with a manifest: backup --out DIR";
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            help(out);
            return 0;
        }
        if (!args.unknown(Set.of("help", "out")).isEmpty() || args.option("out").filter(o -> !o.isBlank()).isEmpty()) {
            err.println("usage: ./recourse backup --out DIR (a new or empty directory)");
            return 2;
        }
        if (server.embedded() == null) {
            err.println("error: this installation uses an external PostgreSQL (RECOURSE_DB_URL); back it up with its own tools "
                    + "(pg_basebackup, pg_dump or the provider's backups) and the evidence store and keys with your file backups");
            return 1;
        }
        Path target = CommandLine.userPath(args.option("out").orElseThrow());
        Path dataDir = Path.of(env.getProperty("recourse.data-dir", "./data")).toAbsolutePath();
        boolean s3 = "s3".equalsIgnoreCase(env.getProperty("recourse.evidence.storage", "local"));
        String configured = env.getProperty("recourse.evidence.directory", "");
        Path evidence = s3 ? null : configured.isBlank() ? dataDir.resolve("evidence") : Path.of(configured);
        try {
            Backups.Summary summary = Backups.backup(server.embedded(), dataDir, evidence, target, clock);
            out.println("wrote " + target + ": " + summary.files() + " files, " + summary.bytes() + " bytes, manifest sha256 "
                    + summary.manifestSha256());
            if (summary.evidenceOnS3()) {
                out.println("note: evidence is on S3 and is not in this backup; keep versioning and object lock on the bucket");
            }
            out.println("warning: " + target.resolve("keys") + " holds the database passwords and the evidence key-encryption key. "
                    + "With them the backup is as good as plaintext: store the keys apart from the rest.");
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("error: backup not made: " + e.getMessage());
            return 1;
        }
    }
}
