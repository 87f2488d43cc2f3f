package org.recourse.evidence.internal.fetch;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchResult;
import org.recourse.evidence.SafeFetcher;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./recourse fetch URL}: the production fetcher, for checking what it would do with a URL. */
@Component
class FetchCommand implements CliCommand {

    private final SafeFetcher fetcher;

    FetchCommand(SafeFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public String summary() {
        return "fetch URL through the safe fetcher; prints status and content type, or why it was refused";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: recourse fetch URL");
            return 2;
        }
        try {
            FetchResult result = fetcher.fetch(new URI(args.getFirst().trim()), FetchLimits.defaults());
            out.println(result.status() + " " + (result.contentType().isEmpty() ? "-" : result.contentType()));
            return 0;
        } catch (URISyntaxException e) {
            out.println("refused: not a valid URL");
            return 1;
        } catch (FetchRefusedException e) {
            out.println("refused: " + e.getMessage());
            return 1;
        }
    }
}
