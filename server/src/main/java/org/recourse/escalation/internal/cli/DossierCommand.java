package org.recourse.escalation.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.escalation.internal.dossier.WritingDossiers;
import org.recourse.escalation.internal.requests.RequestRefused;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.recourse.platform.CommandLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse escalation dossier REQUEST_ID --out FILE.zip}: writes the request's dossier
 * ZIP (verifiable with {@code ./recourse verify-package}). The file appears only when it is whole:
 * it is written beside the target and moved into place at the end.
 */
@Component
class DossierCommand implements CliCommand {

    private final WritingDossiers dossiers;
    private final MessageSource messages;

    DossierCommand(WritingDossiers dossiers, MessageSource messages) {
        this.dossiers = dossiers;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "escalation dossier";
    }

    @Override
    public String summary() {
        return "writes an enforcement request's dossier ZIP: escalation dossier ER-XXXXXXXX --out FILE.zip";
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            help(out);
            return 0;
        }
        List<String> unknown = args.unknown(Set.of("help", "out")).stream().filter(word -> word.startsWith("--")).toList();
        if (!unknown.isEmpty() || args.positional().size() != 1 || args.option("out").filter(o -> !o.isBlank()).isEmpty()) {
            err.println("usage: ./recourse escalation dossier REQUEST_ID --out FILE.zip (REQUEST_ID as the pages show it, ER-...)");
            return 2;
        }
        String reference = args.positional().getFirst().strip().toUpperCase(java.util.Locale.ROOT);
        Path target = CommandLine.userPath(args.option("out").orElseThrow());
        try {
            WritingDossiers.Prepared prepared = AuditActor.supplyAs("cli", () -> {
                try {
                    return dossiers.prepare(reference);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            WritingDossiers.Written written;
            try (OutputStream file = Files.newOutputStream(partial)) {
                written = AuditActor.supplyAs("cli", () -> {
                    try {
                        return dossiers.write(prepared, file);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("wrote " + target + ": dossier of " + written.reference() + ", " + written.files()
                    + " files, manifest sha256 " + written.manifestSha256());
            return 0;
        } catch (RequestRefused refused) {
            err.println("error: " + messages.getMessage(refused.messageKey(), null, java.util.Locale.ENGLISH) + " (" + reference + ")");
            return 1;
        } catch (java.io.UncheckedIOException | IOException e) {
            err.println("error: cannot write " + target + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return 1;
        }
    }
}
