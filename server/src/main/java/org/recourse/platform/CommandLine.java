package org.recourse.platform;

import java.util.Map;

/** Decides whether the process was started to run a command instead of serving. */
public final class CommandLine {

    private CommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** A command shares the database with a running server but must not do the server's work. */
    public static Map<String, Object> defaultProperties() {
        return Map.of(
                "recourse.command-line", "true",
                "db-scheduler.enabled", "false",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "logging.level.org.recourse", "WARN");
    }
}
