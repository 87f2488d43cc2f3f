package org.recourse.matching.internal.exchange;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./recourse bank export --bank NAME --format pdq|te|stopncii --out FILE}: a bank's active entries. */
@Component
class BankExportCommand implements CliCommand {

    private final ExportingBank exporting;

    BankExportCommand(ExportingBank exporting) {
        this.exporting = exporting;
    }

    @Override
    public String name() {
        return "bank export";
    }

    @Override
    public String summary() {
        return "Export a bank's active hashes: --bank NAME --format " + ExchangeFormat.options() + " --out FILE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArguments arguments = CliArguments.parse(args);
        Optional<String> bank = arguments.option("bank");
        Optional<ExchangeFormat> format = arguments.option("format").flatMap(ExchangeFormat::fromOption);
        Optional<String> file = arguments.option("out");
        if (bank.isEmpty() || format.isEmpty() || file.isEmpty() || !arguments.positional().isEmpty()
                || !arguments.unknown(Set.of("bank", "format", "out")).isEmpty()) {
            err.println("Usage: recourse bank export --bank NAME --format " + ExchangeFormat.options() + " --out FILE");
            return 2;
        }
        Path target = Path.of(file.get());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Optional<ExportingBank.Result> result;
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            result = AuditActor.supplyAs("cli:bank-export", () -> {
                try {
                    return exporting.run(bank.get(), format.get(), writer);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("error: cannot write " + target + ": " + e.getMessage());
            return 2;
        }
        try {
            if (result.isEmpty()) {
                Files.deleteIfExists(partial);
                err.println("error: there is no bank named " + bank.get());
                return 2;
            }
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            err.println("error: cannot write " + target + ": " + e.getMessage());
            return 2;
        }
        out.println("Wrote " + result.get().written() + " entries of " + bank.get() + " to " + target
                + (result.get().leftOut() == 0 ? "." : "; " + result.get().leftOut() + " left out (the format cannot carry their signal type)."));
        return 0;
    }
}
