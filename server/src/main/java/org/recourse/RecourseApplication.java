package org.recourse;

import org.recourse.operations.Doctor;
import org.recourse.platform.CommandLine;
import org.recourse.platform.Restore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One entry point for both faces of Recourse: with no arguments (or only {@code --options}) it
 * serves the web application; with a command word ({@code ./recourse user add ...}) it starts
 * the same application context without a web server, runs that command and exits.
 */
@SpringBootApplication
@EnableScheduling
public class RecourseApplication {

    public static void main(String[] args) {
        if (Doctor.isDoctor(args)) {
            System.exit(Doctor.run(args, System.out));
        }
        if (Restore.isRestore(args)) {
            System.exit(Restore.run(java.util.Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (org.recourse.matching.BrowserHashing.isCommand(args)) {
            System.exit(org.recourse.matching.BrowserHashing.run(java.util.Arrays.asList(args), System.out, System.err));
        }
        if (CommandLine.isCommand(args)) {
            SpringApplication app = new SpringApplication(RecourseApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(CommandLine.defaultProperties(args));
            app.setLogStartupInfo(false);
            System.exit(SpringApplication.exit(app.run(args)));
        }
        SpringApplication.run(RecourseApplication.class, args);
    }
}
