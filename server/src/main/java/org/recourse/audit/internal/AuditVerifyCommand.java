package org.recourse.audit.internal;

import java.io.PrintStream;
import java.util.List;

import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./recourse audit-verify}: exit 0 when the chain is intact, 1 naming the first broken entry. */
@Component
class AuditVerifyCommand implements CliCommand {

    private final AuditVerifier verifier;

    AuditVerifyCommand(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String summary() {
        return "check the audit trail's hash chain and name the first broken entry";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        AuditVerifier.Result result = verifier.verify();
        if (result.intact()) {
            out.printf("audit trail intact: %d entries, head %s%n", result.checked(), result.headHash());
            return 0;
        }
        AuditVerifier.Break broken = result.firstBreak().orElseThrow();
        out.printf("audit trail BROKEN at entry id %s (chain position %s): %s; %d entries before it are intact%n",
                unknownIfNegative(broken.entryId()), unknownIfNegative(broken.seq()), broken.describe(),
                result.checked());
        return 1;
    }

    private static String unknownIfNegative(long number) {
        return number < 0 ? "-" : Long.toString(number);
    }
}
