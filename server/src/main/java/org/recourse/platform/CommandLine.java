package org.recourse.platform;

import java.util.Map;

/** Decides whether the process was started to run a command instead of serving. */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * A file name as the user typed it: the launcher runs commands from the installation directory
     * and passes where the user was in {@code RECOURSE_CWD}, against which a relative name is resolved.
     */
    public static java.nio.file.Path userPath(String name) {
        java.nio.file.Path file = java.nio.file.Path.of(name);
        String userDirectory = System.getenv("RECOURSE_CWD");
        if (!file.isAbsolute() && userDirectory != null && !userDirectory.isBlank()) {
            file = java.nio.file.Path.of(userDirectory).resolve(file);
        }
        return file.toAbsolutePath();
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /**
     * A command shares the database with a running server but must not do the server's work. The demo
     * runs on a simulated clock with simulated delivery and without the take-down workers (which would
     * check items online).
     */
    public static Map<String, Object> defaultProperties(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            Map<String, Object> demo = new java.util.HashMap<>(defaultProperties());
            demo.put("recourse.demo.simulated-clock", "true");
            demo.put("recourse.outbox.simulated", "true");
            demo.put("recourse.outbox.workers", "false");
            demo.put("recourse.takedown.workers", "false");
            return Map.copyOf(demo);
        }
        return defaultProperties();
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
