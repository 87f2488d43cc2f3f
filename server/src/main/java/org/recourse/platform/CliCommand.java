package org.recourse.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A {@code ./recourse} subcommand that needs the application (database, services). Modules
 * register theirs as beans; the runner picks one by its words, e.g. {@code user add}.
 */
public interface CliCommand {

    /** The words that select this command, e.g. {@code "user add"} or {@code "audit-verify"}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** What {@code --help} prints; by default the summary. */
    default void help(PrintStream out) {
        out.println(name() + " — " + summary());
    }

    /** Runs the command with the arguments that follow its name; returns the exit code. */
    int run(List<String> args, PrintStream out, PrintStream err);
}
