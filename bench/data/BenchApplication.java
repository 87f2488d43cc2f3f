package data;

import java.util.ArrayList;
import java.util.List;

import org.recourse.RecourseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What every benchmark in bench/ does the same way: run its body and exit, start the application on its own data. */
public final class BenchApplication {

    /** A benchmark's work. */
    public interface Body {
        void run() throws Exception;
    }

    private BenchApplication() {
    }

    /** Runs {@code body} and exits the JVM: 0 when it ended normally, 1 (with the stack trace) when it failed. */
    public static void runAndExit(Body body) {
        int status = 0;
        try {
            body.run();
        } catch (Throwable failed) {
            failed.printStackTrace();
            status = 1;
        }
        // The application's scheduler threads would keep the JVM alive after a failure.
        System.exit(status);
    }

    /**
     * The application on an embedded PostgreSQL in {@code dataDir} (a fresh database when {@code fresh}),
     * on a free port, without the take-down workers, logging warnings only; {@code extra} are more
     * {@code --name=value} arguments.
     */
    public static ConfigurableApplicationContext start(String dataDir, boolean fresh, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--recourse.data-dir=" + dataDir,
                "--recourse.db.embedded-fresh=" + fresh, "--recourse.takedown.workers=false", "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(RecourseApplication.class).run(args.toArray(String[]::new));
    }

    /** A partner API key as {@code ./recourse api-key create --organisation ORGANISATION --scopes SCOPES} prints it. */
    public static String apiKey(ConfigurableApplicationContext app, String organisation, String scopes) {
        org.recourse.platform.CliCommand create = app.getBeansOfType(org.recourse.platform.CliCommand.class).values().stream()
                .filter(c -> c.name().equals("api-key create")).findFirst().orElseThrow();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        create.run(List.of("--organisation", organisation, "--scopes", scopes), new java.io.PrintStream(out, true), System.err);
        return out.toString().lines().filter(l -> l.startsWith("rk_")).findFirst().orElseThrow();
    }

    public static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
