package org.recourse.matching.internal.exchange;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.matching.internal.bank.Banks;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse bank import --bank NAME --format pdq|te|stopncii [--source NAME] FILE}: banks
 * the file's signals as imported entries; prints how many, and every line refused with why.
 */
@Component
class BankImportCommand implements CliCommand {

    private final ImportingBank importing;

    BankImportCommand(ImportingBank importing) {
        this.importing = importing;
    }

    @Override
    public String name() {
        return "bank import";
    }

    @Override
    public String summary() {
        return "Import hashes into a bank: --bank NAME --format " + ExchangeFormat.options() + " [--source NAME] FILE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArguments arguments = CliArguments.parse(args);
        String bank = arguments.option("bank").orElse("");
        Optional<ExchangeFormat> format = arguments.option("format").flatMap(ExchangeFormat::fromOption);
        List<String> unknown = arguments.unknown(Set.of("bank", "format", "source")).stream().filter(w -> w.startsWith("--")).toList();
        if (!Banks.NAME.matcher(bank).matches() || format.isEmpty() || arguments.positional().size() != 1 || !unknown.isEmpty()) {
            err.println("Usage: recourse bank import --bank NAME --format " + ExchangeFormat.options() + " [--source NAME] FILE");
            err.println("  NAME: capitals, digits and underscores (e.g. PARTNER_NCII); the bank is created if it does not exist");
            return 2;
        }
        Path file = Path.of(arguments.positional().getFirst());
        String source = arguments.option("source").orElse(file.getFileName().toString());
        ImportingBank.Result result;
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            result = AuditActor.supplyAs("cli:bank-import", () -> {
                try {
                    return importing.run(bank, format.get(), in, source);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (NoSuchFileException e) {
            err.println("error: cannot read " + file + ": no such file");
            return 2;
        } catch (java.io.UncheckedIOException | IOException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            err.println("error: cannot read " + file + (cause instanceof CharacterCodingException ? ": not UTF-8 text" : ": " + cause.getMessage()));
            return 2;
        }
        out.println("Banked " + result.banked() + " signals in " + bank + " (source: " + source + ").");
        for (ImportingBank.Problem problem : result.problems()) {
            err.println(file.getFileName() + " line " + problem.line() + ": not banked: " + problem.reason());
        }
        if (!result.problems().isEmpty()) {
            out.println(result.problems().size() + " not banked; see above.");
            return 1;
        }
        return 0;
    }
}
