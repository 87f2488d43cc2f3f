package org.recourse.platform.internal.database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.recourse.platform.CommandLine;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse backup --out DIR}: an online backup of the installation — database (a physical
 * copy of the embedded server, or the operator's {@code pg_dump} of an external one), evidence
 * store and keys, with a manifest — while the server keeps taking reports; optionally encrypted
 * for a public key or with a passphrase ({@link BackupEncryption}). {@code ./recourse restore} puts it back.
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
        return "online backup of the database, evidence and keys into a new directory, with a manifest, optionally encrypted: "
                + "backup --out DIR [--encrypt-to RECIPIENT.json | --passphrase-file FILE]; backup --make-key DIR";
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            help(out);
            return 0;
        }
        if (!args.unknown(Set.of("help", "out", "encrypt-to", "passphrase-file", "make-key")).isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        if (args.option("make-key").filter(o -> !o.isBlank()).isPresent()) {
            return makeKey(CommandLine.userPath(args.option("make-key").orElseThrow()), out, err);
        }
        if (args.option("out").filter(o -> !o.isBlank()).isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Path target = CommandLine.userPath(args.option("out").orElseThrow());
        Path dataDir = Path.of(env.getProperty("recourse.data-dir", "./data")).toAbsolutePath();
        boolean s3 = "s3".equalsIgnoreCase(env.getProperty("recourse.evidence.storage", "local"));
        String configured = env.getProperty("recourse.evidence.directory", "");
        Path evidence = s3 ? null : configured.isBlank() ? dataDir.resolve("evidence") : Path.of(configured);
        try {
            BackupEncryption encryption = encryption(args);
            Backups.Summary summary = server.embedded() != null
                    ? Backups.backup(server.embedded(), dataDir, evidence, target, clock, encryption)
                    : Backups.backupExternal(external(), dataDir, evidence, target, clock, encryption);
            out.println("wrote " + target + ": " + summary.files() + " files, " + summary.bytes() + " bytes, manifest sha256 "
                    + summary.manifestSha256());
            if (summary.evidenceOnS3()) {
                out.println("note: evidence is on S3 and is not in this backup; keep versioning and object lock on the bucket");
            }
            if (encryption.encrypted()) {
                out.println("encrypted (" + encryption.scheme() + "): restoring needs the "
                        + ("passphrase-pbkdf2-sha256".equals(encryption.scheme()) ? "passphrase" : "private key (backup-identity.json)")
                        + "; keep it apart from the backup, without it the backup cannot be read by anyone");
            } else {
                out.println("warning: " + target.resolve("keys") + " holds the database passwords and the evidence key-encryption key. "
                        + "With them the backup is as good as plaintext: store the keys apart from the rest, or encrypt the backup "
                        + "(--encrypt-to or --passphrase-file).");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: backup not made: " + e.getMessage());
            return 2;
        } catch (IOException | SQLException | GeneralSecurityException | RuntimeException e) {
            err.println("error: backup not made, nothing is left in " + target + ": " + e.getMessage());
            return 1;
        }
    }

    private static final String USAGE = "usage: ./recourse backup --out DIR (a new or empty directory) "
            + "[--encrypt-to RECIPIENT.json | --passphrase-file FILE]; ./recourse backup --make-key DIR";

    /** From the command line first, then from configuration ({@code recourse.backup.recipient}, {@code recourse.backup.passphrase}). */
    private BackupEncryption encryption(CliArguments args) throws IOException, GeneralSecurityException {
        Optional<Path> recipient = args.option("encrypt-to").filter(v -> !v.isBlank()).map(CommandLine::userPath);
        Optional<char[]> passphrase = BackupSecrets.secret(args, "passphrase-file", null);
        if (recipient.isPresent() && passphrase.isPresent()) {
            throw new IllegalArgumentException("choose one: --encrypt-to or --passphrase-file");
        }
        if (recipient.isEmpty() && passphrase.isEmpty()) {
            recipient = Optional.ofNullable(env.getProperty("recourse.backup.recipient")).filter(v -> !v.isBlank()).map(Path::of);
            passphrase = recipient.isPresent() ? Optional.empty()
                    : Optional.ofNullable(env.getProperty("recourse.backup.passphrase")).filter(v -> !v.isEmpty()).map(String::toCharArray);
        }
        if (recipient.isPresent()) {
            if (!Files.isRegularFile(recipient.get())) {
                throw new IllegalArgumentException("cannot read the recipient key " + recipient.get() + ": no such file");
            }
            try {
                return BackupEncryption.forRecipient(recipient.get());
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException(recipient.get() + " is not a public key made by ./recourse backup --make-key");
            }
        }
        return passphrase.isPresent() ? BackupEncryption.withPassphrase(passphrase.get()) : BackupEncryption.NONE;
    }

    private ExternalDatabase external() {
        String migrationUser = env.getProperty("recourse.db.migration-user", "");
        boolean owner = !migrationUser.isBlank();
        String pgDump = env.getProperty("recourse.backup.pg-dump", "pg_dump");
        return new ExternalDatabase(env.getProperty("recourse.db.url"), owner ? migrationUser : env.getProperty("recourse.db.user"),
                owner ? env.getProperty("recourse.db.migration-password") : env.getProperty("recourse.db.password"),
                pgDump, Optional.ofNullable(env.getProperty("recourse.backup.pg-restore")).filter(v -> !v.isBlank())
                        .orElseGet(() -> ExternalDatabase.restoreToolBeside(pgDump)));
    }

    private static int makeKey(Path dir, PrintStream out, PrintStream err) {
        try {
            BackupEncryption.makeKeyPair(dir);
            out.println("wrote " + dir.resolve("backup-recipient.json") + " (public: give it to backup --encrypt-to, or set "
                    + "RECOURSE_BACKUP_RECIPIENT) and " + dir.resolve("backup-identity.json")
                    + " (private: keep it offline, apart from every backup; restore --identity needs it)");
            return 0;
        } catch (IOException | GeneralSecurityException e) {
            err.println("error: no key made: " + e.getMessage());
            return 1;
        }
    }
}
