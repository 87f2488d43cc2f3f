package org.recourse.routing.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recourse.routing.LegalStatus;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;
import org.recourse.routing.VictimAge;

class RuleSetParserTest {

    private static final TestDirectory DIRECTORY = new TestDirectory();

    @Test
    void reportsEveryProblemWithItsPlaceInTheDocument() {
        String document = """
                conditions:
                  images: {forms-any: [nude_pictures]}
                rules:
                  - id: a
                    section: action
                    order: 1
                    target: acm
                    when: {age-group: adult, condition: undefined}
                    reason: {nl: "Voor {victim}", en: "For you"}
                  - id: a
                    section: elsewhere
                    order: first
                    target: politie
                    forward-to: nobody
                """;

        RuleSetInvalid invalid = catchThrowableOfType(RuleSetInvalid.class, () -> RuleSetParser.parse(document));

        assertThat(invalid.problems()).containsExactlyInAnyOrder(
                "conditions.images.forms-any: unknown value 'nude_pictures' (known: "
                        + String.join(", ", org.recourse.routing.FormsOfViolence.CODES) + ")",
                "rules[0].when.age-group: unknown condition 'age-group' (known: "
                        + String.join(", ", ConditionParser.KEYS) + ")",
                "rules[0].when.condition: no condition named 'undefined' is defined above",
                "rules[0].reason: unknown placeholder {victim} (known: "
                        + String.join(", ", ReasonTemplate.PLACEHOLDERS) + ")",
                "rules[1].section: must be 'action' or 'referral'",
                "rules[1].order: expected a whole number; lower comes first",
                "rules[1].forward-to: no authority named 'nobody' under 'authorities'",
                "rules[1].reason: expected {nl: \"...\", en: \"...\"}");
    }

    @Test
    void rejectsTextThatIsNotYaml() {
        RuleSetInvalid invalid = catchThrowableOfType(RuleSetInvalid.class, () -> RuleSetParser.parse("rules: [\n  - id: {"));

        assertThat(invalid.problems()).singleElement().asString().startsWith("not valid YAML");
    }

    @Test
    void rejectsAnIdUsedTwice() {
        String rule = """
                  - id: same
                    section: referral
                    order: 1
                    target: politie
                    reason: {nl: "x", en: "y"}
                """;
        RuleSetInvalid invalid = catchThrowableOfType(RuleSetInvalid.class,
                () -> RuleSetParser.parse("rules:\n" + rule + rule));

        assertThat(invalid.problems()).containsExactly("rules[1].id: 'same' is used twice");
    }

    @Test
    void aLaterRuleNamingTheSameOrganisationGivesWayToTheEarlierOne() {
        RuleSet rules = RuleSetParser.parse("""
                rules:
                  - id: general
                    section: action
                    order: 30
                    target: politie
                    reason: {nl: "algemeen", en: "general"}
                  - id: specific
                    section: action
                    order: 10
                    target: politie
                    urgent: {threat-to-life: true}
                    reason: {nl: "specifiek", en: "specific"}
                """);

        RoutingAdvice advice = rules.evaluate(3, new RoutingFacts(LegalStatus.ILLEGAL, Set.of("doxing"),
                DIRECTORY.get("x"), VictimAge.ADULT, null, null, true), DIRECTORY);

        assertThat(advice.ruleSetVersion()).isEqualTo(3);
        assertThat(advice.actions()).singleElement().satisfies(route -> {
            assertThat(route.ruleId()).isEqualTo("specific");
            assertThat(route.urgent()).isTrue();
            assertThat(route.reason().nl()).isEqualTo("specifiek");
        });
    }

    @Test
    void theSeededRulesNameOnlyOrganisationsTheDirectoryMustHold() {
        assertThat(SeededRuleSetScenarioTest.seeded().referencedKeys()).containsExactlyInAnyOrder(
                "acm", "coimisiun-na-mean", "autoriteit-persoonsgegevens", "data-protection-commission", "politie",
                "meldpunt-kinderporno", "atkm", "european-commission", "commissariaat-voor-de-media",
                "centrum-seksueel-geweld", "veilig-thuis", "slachtofferhulp-nederland");
    }
}
