package org.recourse.platform.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.recourse.platform.CliCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Runs the {@link CliCommand} named by the process arguments, once the context is up. */
@Component
@ConditionalOnBooleanProperty("recourse.command-line")
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private final List<CliCommand> commands;
    private int exitCode;

    CommandRunner(List<CliCommand> commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        exitCode = run(Arrays.asList(arguments.getSourceArgs()), System.out, System.err);
    }

    int run(List<String> words, PrintStream out, PrintStream err) {
        Optional<CliCommand> command = commands.stream()
                .filter(c -> startsWith(words, c.name()))
                .max(Comparator.comparingInt(c -> c.name().split(" ").length));
        if (command.isEmpty()) {
            err.println("Unknown command: " + String.join(" ", words));
            printCommands(err);
            return 2;
        }
        int consumed = command.get().name().split(" ").length;
        List<String> rest = words.subList(consumed, words.size());
        if (rest.contains("--help")) {
            command.get().help(out);
            return 0;
        }
        return command.get().run(rest, out, err);
    }

    private void printCommands(PrintStream stream) {
        stream.println("Commands:");
        commands.stream()
                .sorted(Comparator.comparing(CliCommand::name))
                .forEach(c -> stream.printf("  %-22s %s%n", c.name(), c.summary()));
    }

    private static boolean startsWith(List<String> words, String name) {
        List<String> nameWords = List.of(name.split(" "));
        return words.size() >= nameWords.size() && words.subList(0, nameWords.size()).equals(nameWords);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
