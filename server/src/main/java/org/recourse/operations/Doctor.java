package org.recourse.operations;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

import org.recourse.operations.internal.DoctorChecks;
import org.recourse.operations.internal.Finding;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./recourse doctor}. Runs before, and without, the application context: it must work
 * when the database is down or the configuration is wrong, which is when it is needed. It reads
 * the same settings (application.yml, environment, {@code --name=value}) and changes nothing.
 */
public final class Doctor {

    private Doctor() {
    }

    public static boolean isDoctor(String[] args) {
        return args.length > 0 && args[0].equals("doctor");
    }

    /** Prints one line per check; exit code 1 when something must be fixed. */
    public static int run(String[] args, PrintStream out) {
        SpringApplication settingsOnly = new SpringApplication(SettingsOnly.class);
        settingsOnly.setWebApplicationType(WebApplicationType.NONE);
        settingsOnly.setLogStartupInfo(false);
        settingsOnly.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        try (ConfigurableApplicationContext context = settingsOnly.run(args)) {
            return report(new DoctorChecks(context.getEnvironment(), Clock.systemUTC()).run(), out);
        }
    }

    static int report(List<Finding> findings, PrintStream out) {
        findings.forEach(f -> out.println(f.line()));
        long problems = findings.stream().filter(Finding::mustFix).count();
        out.println(problems == 0 ? "Nothing to fix." : problems + (problems == 1 ? " thing" : " things") + " to fix (see PROBLEM above).");
        return problems == 0 ? 0 : 1;
    }

    /** No component scan and no auto-configuration: only the settings are loaded. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class SettingsOnly {
    }
}
