package org.recourse.platform.internal.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.recourse.platform.CliArguments;
import org.recourse.platform.CommandLine;

/**
 * Secrets a backup or restore is given: from a file named on the command line (its first line) or
 * from the environment, never as a command-line word (other users of the machine see those).
 */
public final class BackupSecrets {

    public static final String PASSPHRASE_ENV = "RECOURSE_BACKUP_PASSPHRASE";

    private BackupSecrets() {
    }

    /** The first line of the file {@code --NAME FILE}, or {@code fallback} (an environment value) when the option is absent. */
    public static Optional<char[]> secret(CliArguments args, String name, String fallback) throws IOException {
        Optional<String> file = args.option(name).filter(v -> !v.isBlank());
        if (file.isPresent()) {
            Path path = CommandLine.userPath(file.get());
            if (!Files.isRegularFile(path)) {
                throw new IOException("cannot read --" + name + " " + path + ": no such file");
            }
            String first = Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new IOException("--" + name + " " + path + " is empty");
            }
            return Optional.of(first.toCharArray());
        }
        return fallback == null || fallback.isEmpty() ? Optional.empty() : Optional.of(fallback.toCharArray());
    }

    /** What opens an encrypted backup: {@code --identity FILE}, or a passphrase from {@code --passphrase-file} or the environment. */
    public static BackupEncryption.Opener opener(CliArguments args, String passphraseFromEnvironment) throws IOException {
        Path identity = args.option("identity").filter(v -> !v.isBlank()).map(CommandLine::userPath).orElse(null);
        if (identity != null && !Files.isRegularFile(identity)) {
            throw new IOException("cannot read --identity " + identity + ": no such file");
        }
        return new BackupEncryption.Opener(secret(args, "passphrase-file", passphraseFromEnvironment).orElse(null), identity);
    }
}
