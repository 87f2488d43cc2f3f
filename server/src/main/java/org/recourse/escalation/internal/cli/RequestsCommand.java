package org.recourse.escalation.internal.cli;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.recourse.escalation.internal.requests.TrackingRequests;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse escalation requests}: a header, then one tab-separated row per enforcement
 * request (reference as the pages show it, platform key, authority key, state, filed at in ISO 8601 UTC).
 */
@Component
class RequestsCommand implements CliCommand {

    static final String HEADER = "id\tplatform\tauthority\tstate\tfiled_at";

    private final TrackingRequests requests;

    RequestsCommand(TrackingRequests requests) {
        this.requests = requests;
    }

    @Override
    public String name() {
        return "escalation requests";
    }

    @Override
    public String summary() {
        return "lists enforcement requests, tab-separated: id, platform, authority, state, filed at";
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            help(out);
            return 0;
        }
        List<String> unknown = args.unknown(Set.of("help"));
        if (!unknown.isEmpty()) {
            err.println("error: unknown arguments " + String.join(" ", unknown) + "; ./recourse escalation requests --help");
            return 2;
        }
        out.println(HEADER);
        for (TrackingRequests.Listed request : requests.all()) {
            out.println(String.join("\t", CandidatesCommand.cell(request.reference()), CandidatesCommand.cell(request.platformKey()),
                    CandidatesCommand.cell(request.authorityKey()), request.state().code(),
                    request.filedAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(request.filedAt())));
        }
        return 0;
    }
}
