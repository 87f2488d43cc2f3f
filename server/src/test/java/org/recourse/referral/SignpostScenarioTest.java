package org.recourse.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.directory.Directory;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signpost and {@code ./recourse route} never disagree: for every routing scenario whose legal
 * status is not yet known, the plain answers a victim gives on the signpost name the same bodies,
 * in the same order and with the same urgency, as the command line analysts use.
 */
@RecourseTest
class SignpostScenarioTest {

    private static final Pattern ENTRY = Pattern.compile("^\\s+\\d+\\. (.+?)(  (SPOED|URGENT))?$");

    @LocalServerPort
    int port;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    /** Two scenarios name bodies the seeded directory does not have: add them as the scenarios describe them. */
    @BeforeEach
    void addTheScenariosOwnBodies() {
        jdbc.sql("""
                insert into directory_organisation (id, key, name, kind, country, legal_representative,
                    legal_representative_country, vlop, video_platform, trusted_flagger, languages, aliases, domains,
                    source_notes, version, updated_at, updated_by)
                select gen_random_uuid(), v.key, v.name, v.kind, v.country, v.rep, v.rep_country, false, false, false,
                    array['en']::text[], array[]::text[], array[]::text[], '[]'::jsonb, 1, now(), 'test'
                from (values ('chatly', 'Chatly', 'platform', 'US', 'Chatly Europe', 'BE'),
                             ('hoster-de', 'Hoster DE', 'hoster', 'DE', null, null))
                    as v(key, name, kind, country, rep, rep_country)
                where not exists (select 1 from directory_organisation o where o.key = v.key)
                """).update();
    }

    @Test
    void everyUnassessedRoutingScenarioGetsTheSameBodiesOnTheSignpostAsFromRoute() throws IOException {
        List<String[]> scenarios = scenarios().stream().filter(s -> s[6].equals("unknown")).toList();
        assertThat(scenarios).as("scenarios with an unknown legal status").hasSizeGreaterThan(10);
        SignpostHttp signpost = new SignpostHttp(port);
        signpost.open("/wegwijzer");
        for (String[] scenario : scenarios) {
            String platform = scenario[1].equals("-") ? "" : directory.findByKey(scenario[1]).or(() -> directory.findByName(scenario[1])).orElseThrow(() -> new AssertionError("not in the directory: " + scenario[1])).name();
            List<String> forms = Arrays.stream(scenario[3].split(",")).map(String::strip).toList();

            List<String> command = new ArrayList<>(List.of("--age", scenario[2], "--relationship", scenario[4]));
            if (!platform.isEmpty()) {
                command.addAll(List.of("--platform", platform));
            }
            forms.forEach(form -> command.addAll(List.of("--form", form)));
            if (!scenario[5].equals("-")) {
                command.addAll(List.of("--days-ago", scenario[5]));
            }
            if (scenario[7].equals("yes")) {
                command.add("--threat-to-life");
            }
            String printed = route(command);

            List<Map.Entry<String, String>> answers = new ArrayList<>();
            forms.forEach(form -> answers.add(Map.entry("forms", form)));
            answers.add(Map.entry("started", started(scenario[5])));
            answers.add(Map.entry("minor", scenario[2].equals("minor") ? "yes" : "no"));
            answers.add(Map.entry("relationship", scenario[4].replace('-', '_')));
            answers.add(Map.entry("platform", platform));
            answers.add(Map.entry("danger", scenario[7].equals("yes") ? "yes" : "no"));
            StaffHttp.Page page = signpost.post("/wegwijzer", answers);
            assertThat(page.status()).as(scenario[0]).isEqualTo(200);
            Document advice = page.document();

            assertThat(bodies(advice, "ol.signpost.actions")).as("who can act: " + scenario[0])
                    .isEqualTo(section(printed, "Wie kan optreden:", "Doorverwijzen:", false));
            assertThat(bodies(advice, "ol.signpost.help")).as("who can help: " + scenario[0])
                    .isEqualTo(section(printed, "Doorverwijzen:", null, true));
        }
    }

    /** The report form's "when" answer that covers this many days ago. */
    private static String started(String days) {
        if (days.equals("-")) {
            return "unknown";
        }
        int n = Integer.parseInt(days);
        return n <= 7 ? "last_7_days" : n <= 31 ? "last_month" : n <= 365 ? "last_year" : "longer_ago";
    }

    private static List<String> bodies(Document page, String list) {
        return page.select(list + " > li").stream()
                .map(li -> li.selectFirst(".body").text() + (li.selectFirst(".badge.urgent") == null ? "" : " !"))
                .toList();
    }

    private static List<String> section(String printed, String from, String to, boolean referrals) {
        List<String> bodies = new ArrayList<>();
        boolean in = false;
        for (String line : printed.split("\\R")) {
            if (line.equals(from)) {
                in = true;
            } else if (to != null && line.equals(to)) {
                in = false;
            } else if (in) {
                Matcher entry = ENTRY.matcher(line);
                if (entry.matches()) {
                    String who = entry.group(1);
                    who = referrals ? who.replaceAll(" \\([0-9 +-]+\\)$", "") : who.replaceAll(" \\[[^\\]]+\\]$", "");
                    bodies.add(who + (entry.group(2) == null ? "" : " !"));
                }
            }
        }
        return bodies;
    }

    private String route(List<String> words) {
        CliCommand route = commands.stream().filter(c -> c.name().equals("route")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = route.run(words, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String[]> scenarios() throws IOException {
        try (InputStream in = SignpostScenarioTest.class.getResourceAsStream("/routing/scenarios.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")).toList();
        }
    }
}
