package org.recourse.intake.internal.api;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse api-key create --organisation NAME [--scopes reports:submit,reports:read]}:
 * provisions a partner API key without the web interface and prints it once. Platforms that use
 * the match API get {@code --scopes match:lookup} (and {@code match:feed}, {@code match:feedback}).
 */
@Component
class ApiKeyCreateCommand implements CliCommand {

    private final ApiKeys keys;

    ApiKeyCreateCommand(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "api-key create";
    }

    @Override
    public String summary() {
        return "Create a partner or platform API key: --organisation NAME [--scopes reports:submit,reports:read,match:lookup,match:feed,match:feedback]; prints the key once";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArguments arguments = CliArguments.parse(args);
        String organisation = arguments.option("organisation").orElse("").strip();
        if (organisation.isEmpty()) {
            err.println("Usage: recourse api-key create --organisation NAME [--scopes " + String.join(",", ApiKeys.SCOPES) + "]");
            return 2;
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(
                arguments.option("scopes").orElse(String.join(",", ApiKeys.DEFAULT_SCOPES)).split("\\s*,\\s*")));
        if (!ApiKeys.SCOPES.containsAll(scopes)) {
            err.println("Unknown scope; known scopes: " + String.join(", ", ApiKeys.SCOPES));
            return 2;
        }
        ApiKeys.CreatedKey created = AuditActor.supplyAs("cli:api-key-create",
                () -> keys.create(organisation, scopes, "cli"));
        out.println("API key for " + created.organisation() + " (scopes: " + String.join(", ", created.scopes()) + "):");
        out.println(created.plainKey());
        out.println("Store it now: it is not shown again. Revoke it in Administration > API keys.");
        return 0;
    }
}
