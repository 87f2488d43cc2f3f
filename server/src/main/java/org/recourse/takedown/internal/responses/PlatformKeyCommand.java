package org.recourse.takedown.internal.responses;

import java.io.PrintStream;
import java.util.List;

import org.recourse.audit.AuditActor;
import org.recourse.directory.Directory;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./recourse notice-key create --recipient KEY}: a key a platform uses to report its responses to our notices. */
@Component
class PlatformKeyCommand implements CliCommand {

    private final PlatformKeys keys;
    private final Directory directory;

    PlatformKeyCommand(PlatformKeys keys, Directory directory) {
        this.keys = keys;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "notice-key create";
    }

    @Override
    public String summary() {
        return "create a key for a platform's notice-response API (--recipient DIRECTORY-KEY)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArguments arguments = CliArguments.parse(args);
        String recipient = arguments.option("recipient").orElse("");
        if (directory.findByKey(recipient).isEmpty()) {
            err.println("No directory entry with key '" + recipient + "'. Use --recipient with the organisation's key.");
            return 2;
        }
        out.println(AuditActor.supplyAs("cli:notice-key", () -> keys.create(recipient, "cli")));
        return 0;
    }
}
