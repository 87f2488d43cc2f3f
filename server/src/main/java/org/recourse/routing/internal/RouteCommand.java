package org.recourse.routing.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.recourse.audit.AuditActor;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.recourse.routing.ActionRoute;
import org.recourse.routing.FormsOfViolence;
import org.recourse.routing.Referral;
import org.recourse.routing.RoutingAdvice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse route [--platform NAME] --age adult|minor --form FORM [--form FORM...]
 * [--relationship R] [--days-ago N] [--status S] [--threat-to-life] [--lang en]}: prints the
 * routing advice of the published rules, for checking rules without the UI.
 */
@Component
class RouteCommand implements CliCommand {

    private static final int WIDTH = 100;
    private static final List<OrganisationKind> HOLDERS = List.of(OrganisationKind.PLATFORM, OrganisationKind.HOSTER,
            OrganisationKind.REGISTRAR, OrganisationKind.SITE_OWNER);

    private final RoutingService routing;
    private final Directory directory;
    private final MessageSource messages;

    RouteCommand(RoutingService routing, Directory directory, MessageSource messages) {
        this.routing = routing;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "route";
    }

    @Override
    public String summary() {
        return "who can act and where to refer: [--platform NAME] --age adult|minor --form FORM [--form ...] "
                + "[--relationship R] [--days-ago N] [--status S] [--threat-to-life] [--lang en]; --help lists platforms and forms";
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            help(out);
            return 0;
        }
        Locale language = Locale.of(args.option("lang").orElse("nl"));
        if (!List.of("nl", "en").contains(language.getLanguage())) {
            err.println("error: --lang: use nl or en");
            return 2;
        }
        FactsInput.Result input = FactsInput.parse(directory, args.option("platform").orElse(null),
                args.option("age").orElse(null), args.options("form"), args.option("relationship").orElse(null),
                args.option("days-ago").orElse(null), args.option("status").orElse(null), args.flag("threat-to-life"));
        if (!input.ok()) {
            input.problems().forEach(problem -> err.println("error: --" + problem.input() + ": "
                    + messages.getMessage(problem.key(), problem.arguments(), java.util.Locale.ENGLISH)));
            err.println("./recourse route --help lists platforms and forms");
            return 2;
        }
        RoutingAdvice advice = AuditActor.supplyAs("cli:" + System.getProperty("user.name"), () -> routing.route(input.facts()));
        print(advice, input.facts().platform(), language, out);
        return 0;
    }

    private void print(RoutingAdvice advice, Organisation platform, Locale language, PrintStream out) {
        out.println(text("routing.cli.version", language, advice.ruleSetVersion()));
        if (platform == null) {
            out.println(text("routing.cli.no-platform", language));
        } else {
            out.println(text("routing.cli.platform", language, platform.name(),
                platform.country() == null ? "?" : platform.country(),
                platform.vlop() ? "VLOP" : "-", platform.videoPlatform() ? text("routing.video", language) : "-",
                platform.trustedFlagger() ? "trusted flagger" : "-"));
        }
        out.println();
        out.println(text("routing.actions", language) + ":");
        if (advice.actions().isEmpty()) {
            out.println("  " + text("routing.actions.none", language));
        }
        for (int i = 0; i < advice.actions().size(); i++) {
            ActionRoute route = advice.actions().get(i);
            String who = route.organisation() == null ? text("routing.kind." + route.kind(), language) : route.organisation().name();
            if (route.forwardTo() != null) {
                who += " → " + route.forwardTo().name().in(language);
            }
            out.println(entry(i + 1, who + " [" + text("routing.kind." + route.kind(), language) + "]",
                    route.urgent(), language));
            wrap(route.reason().in(language), out);
        }
        out.println();
        out.println(text("routing.referrals", language) + ":");
        if (advice.referrals().isEmpty()) {
            out.println("  " + text("routing.referrals.none", language));
        }
        for (int i = 0; i < advice.referrals().size(); i++) {
            Referral referral = advice.referrals().get(i);
            Organisation who = referral.organisation();
            String name = who == null ? referral.ruleId() : who.name() + (who.phone() == null ? "" : " (" + who.phone() + ")");
            out.println(entry(i + 1, name, referral.urgent(), language));
            wrap(referral.reason().in(language), out);
        }
    }

    private String entry(int number, String who, boolean urgent, Locale language) {
        return String.format("%3d. %s%s", number, who, urgent ? "  " + text("routing.urgent", language).toUpperCase(language) : "");
    }

    private static void wrap(String text, PrintStream out) {
        StringBuilder line = new StringBuilder("     ");
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > 5) {
                out.println(line);
                line = new StringBuilder("     ");
            }
            line.append(line.length() > 5 ? " " : "").append(word);
        }
        out.println(line);
    }

    @Override
    public void help(PrintStream out) {
        out.println("./recourse " + name() + " — " + summary());
        out.println();
        out.println("Options:");
        out.println("  --platform NAME      platform, hoster, registrar or site owner: a name or other name (below), or a domain;\n"
                + "                       leave it out when it is not known (yet)");
        out.println("  --age adult|minor    the victim's age group");
        out.println("  --form FORM          form of violence; repeat for several (below)");
        out.println("  --relationship R     partner, ex-partner, family, acquaintance, stranger, unknown");
        out.println("  --days-ago N         days since it happened (the Centrum Seksueel Geweld's 7-day criteria)");
        out.println("  --status S           illegal, unlawful, harmful, not_problematic, unknown (default: unknown)");
        out.println("  --threat-to-life     a suspected crime threatening life or safety (DSA art. 18)");
        out.println("  --lang nl|en         language of the reasons (default: nl)");
        out.println();
        out.println("Platforms in the directory:");
        directory.all().stream().filter(o -> HOLDERS.contains(o.kind()))
                .forEach(o -> out.println("  " + o.name() + (o.aliases().isEmpty() ? "" : " (" + String.join(", ", o.aliases()) + ")")));
        out.println();
        out.println("Forms of violence:");
        FormsOfViolence.CODES.forEach(code -> out.println("  " + code));
    }

    private String text(String key, Locale language, Object... arguments) {
        return messages.getMessage(key, arguments, language);
    }
}
