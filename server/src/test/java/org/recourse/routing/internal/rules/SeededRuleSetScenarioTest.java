package org.recourse.routing.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.recourse.routing.ActionRoute;
import org.recourse.routing.LegalStatus;
import org.recourse.routing.Referral;
import org.recourse.routing.Relationship;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;
import org.recourse.routing.VictimAge;

/**
 * The seeded rule set against the scenario table in {@code routing/scenarios.tsv}: each row is a
 * case and the advice a hotline analyst should get, in order. Entries are written as directory
 * keys; {@code !} marks urgent, {@code >key} the body a case is forwarded to ({@code >?} when the
 * directory has none for that country), {@code (rule-id)} an entry without an organisation.
 */
class SeededRuleSetScenarioTest {

    private static final TestDirectory DIRECTORY = new TestDirectory();
    private static final RuleSet RULES = seeded();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/routing/scenarios.tsv", delimiter = '\t', numLinesToSkip = 1, nullValues = "-")
    void routesTheScenarioAsExpected(String scenario, String platform, String age, String forms, String relationship,
                                     String daysAgo, String status, String threatToLife, String expectedActions,
                                     String expectedReferrals, String expectedReasons) {
        RoutingFacts facts = new RoutingFacts(
                LegalStatus.ofCode(status),
                Set.of(forms.split(",\\s*")),
                platform == null ? null : DIRECTORY.get(platform),
                VictimAge.ofCode(age),
                relationship == null ? null : Relationship.ofCode(relationship),
                daysAgo == null ? null : Integer.valueOf(daysAgo),
                "yes".equals(threatToLife));

        RoutingAdvice advice = RULES.evaluate(1, facts, DIRECTORY);

        assertThat(advice.actions().stream().map(SeededRuleSetScenarioTest::describe).toList())
                .as("who can act, in order").containsExactlyElementsOf(entries(expectedActions));
        assertThat(advice.referrals().stream().map(SeededRuleSetScenarioTest::describe).toList())
                .as("referrals, in order").containsExactlyElementsOf(entries(expectedReferrals));
        if (expectedReasons != null) {
            for (String expected : expectedReasons.split("\\s*\\|\\s*")) {
                Locale language = Locale.of(expected.substring(0, 2));
                String text = expected.substring(3);
                assertThat(reasons(advice, language)).as("reasons in %s", language).anySatisfy(reason ->
                        assertThat(reason).contains(text));
            }
        }
    }

    static RuleSet seeded() {
        try (InputStream in = SeededRuleSetScenarioTest.class.getResourceAsStream("/routing/rules-v1.yaml")) {
            return RuleSetParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> entries(String column) {
        return column == null ? List.of() : Arrays.stream(column.split(",\\s*")).toList();
    }

    private static List<String> reasons(RoutingAdvice advice, Locale language) {
        return Stream.concat(advice.actions().stream().map(a -> a.reason().in(language)),
                advice.referrals().stream().map(r -> r.reason().in(language))).collect(Collectors.toList());
    }

    private static String describe(ActionRoute route) {
        String who = route.organisation() == null ? "(" + route.ruleId() + ")" : route.organisation().key();
        if (route.forwardTo() != null) {
            who += ">" + (route.forwardTo().organisation() == null ? "?" : route.forwardTo().organisation().key());
        }
        return who + (route.urgent() ? "!" : "");
    }

    private static String describe(Referral referral) {
        return referral.organisation().key() + (referral.urgent() ? "!" : "");
    }
}
