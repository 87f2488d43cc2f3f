package org.recourse.escalation.internal.cli;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.escalation.Candidate;
import org.recourse.escalation.CandidateReason;
import org.recourse.escalation.EscalationCandidates;
import org.recourse.escalation.ProposedAuthority;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse escalation candidates}: a header, then one tab-separated row per candidate and
 * proposed authority (case number, item URL, platform key, reason codes, authority key, overdue
 * since in ISO 8601 UTC).
 */
@Component
class CandidatesCommand implements CliCommand {

    static final String HEADER = "case\titem\tplatform\treason\tauthority\toverdue_since";

    private final EscalationCandidates candidates;

    CandidatesCommand(EscalationCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return "escalation candidates";
    }

    @Override
    public String summary() {
        return "lists escalation candidates, tab-separated: case, item, platform, reason, authority, overdue since";
    }

    @Override
    public void help(PrintStream out) {
        out.println(name() + " — " + summary());
        out.println("One row per proposed authority; reasons are comma-separated codes:");
        for (CandidateReason reason : CandidateReason.values()) {
            out.println("  " + reason.code());
        }
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
            err.println("error: unknown arguments " + String.join(" ", unknown)
                    + "; ./recourse escalation candidates --help");
            return 2;
        }
        List<Candidate> all = AuditActor.supplyAs("cli:" + System.getProperty("user.name"), candidates::candidates);
        out.println(HEADER);
        for (Candidate candidate : all) {
            String reasons = String.join(",", candidate.reasons().stream().map(CandidateReason::code).toList());
            List<String> authorities = candidate.proposed().stream().map(ProposedAuthority::authorityKey)
                    .filter(java.util.Objects::nonNull).distinct().toList();
            for (String authority : authorities.isEmpty() ? java.util.Collections.singletonList((String) null) : authorities) {
                out.println(String.join("\t", cell(candidate.caseNumber()), cell(candidate.url()), cell(candidate.platformKey()),
                        reasons, cell(authority), candidate.overdueSince() == null ? ""
                                : DateTimeFormatter.ISO_INSTANT.format(candidate.overdueSince())));
            }
        }
        return 0;
    }

    /** Tabs and line breaks inside a value become spaces, so every row stays one line. */
    static String cell(String value) {
        return value == null ? "" : value.replaceAll("[\\t\\r\\n]", " ");
    }
}
