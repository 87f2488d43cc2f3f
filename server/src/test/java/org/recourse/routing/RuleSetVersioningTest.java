package org.recourse.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.directory.Directory;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rules are data: a coordinator edits the draft and publishes it over real HTTP, routing follows
 * the new version at once, and the old version stays readable and unchanged.
 */
@RecourseTest
class RuleSetVersioningTest {

    private static final String OLD_REASON = "Het Centrum Seksueel Geweld helpt slachtoffers van online seksueel geweld, ook als het langer";
    private static final String NEW_REASON = "Nieuwe uitleg voor het Centrum Seksueel Geweld, versie uit de test.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Routing routing;

    @Autowired
    Directory directory;

    @Test
    void publishingADraftChangesRoutingAndKeepsTheOldVersionViewable() {
        TestStaff.Account coordinator = new TestStaff(jdbc).create(StaffRole.COORDINATOR);
        StaffHttp http = new StaffHttp(port);
        http.signIn(coordinator);
        RoutingFacts facts = new RoutingFacts(LegalStatus.ILLEGAL, Set.of("non_consensual_sharing"),
                directory.findByName("Instagram").orElseThrow(), VictimAge.ADULT, Relationship.STRANGER, 30, false);
        RoutingAdvice before = routing.route(facts);
        assertThat(csgReason(before)).startsWith(OLD_REASON);

        Document draft = http.get("/staff/routing/draft").document();
        String original = draft.selectFirst("textarea#document").wholeText();
        int basedOn = Integer.parseInt(draft.selectFirst("input[name=basedOn]").val());
        assertThat(basedOn).isEqualTo(before.ruleSetVersion());
        String edited = original.replace(
                "Het Centrum Seksueel Geweld helpt slachtoffers van online seksueel geweld, ook als het langer\n        geleden is: 0800-0188.",
                NEW_REASON);
        assertThat(edited).isNotEqualTo(original);

        http.postForm("/staff/routing/draft", Map.of("document", edited, "basedOn", String.valueOf(basedOn)));
        assertThat(http.get("/staff/routing/draft").document().selectFirst("#draft-valid").text()).contains("geldig");
        StaffHttp.Page published = http.postForm("/staff/routing/draft/publish", Map.of("note", "test: new CSG text"));
        int newVersion = basedOn + 1;
        assertThat(published.location()).endsWith("/staff/routing/versions/" + newVersion);

        RoutingAdvice after = routing.route(facts);
        assertThat(after.ruleSetVersion()).isEqualTo(newVersion);
        assertThat(csgReason(after)).isEqualTo(NEW_REASON);

        Document old = http.get("/staff/routing/versions/" + basedOn).document();
        assertThat(old.text()).contains("Dit is een eerdere versie; de actieve versie is " + newVersion);
        assertThat(old.selectFirst("pre.rule-document").wholeText()).isEqualTo(original);
        Document overview = http.get("/staff/routing").document();
        assertThat(overview.select("tr.rule-set-version").eachText())
                .anySatisfy(row -> assertThat(row).startsWith(newVersion + " ").contains(coordinator.username(), "test: new CSG text"))
                .anySatisfy(row -> assertThat(row).startsWith(basedOn + " "));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'routing.rules-published' and object_id = ? and actor = ?")
                .params(String.valueOf(newVersion), coordinator.username()).query(Integer.class).single()).isEqualTo(1);

        // Put the original rules back as the next version, so other tests route with the seeded rules.
        http.get("/staff/routing/draft");
        http.postForm("/staff/routing/draft", Map.of("document", original, "basedOn", String.valueOf(newVersion)));
        http.postForm("/staff/routing/draft/publish", Map.of("note", "test: restore"));
        assertThat(csgReason(routing.route(facts))).startsWith(OLD_REASON);
    }

    @Test
    void aDraftWithProblemsIsNotPublishedAndSaysWhy() {
        TestStaff.Account coordinator = new TestStaff(jdbc).create(StaffRole.COORDINATOR);
        StaffHttp http = new StaffHttp(port);
        http.signIn(coordinator);
        int active = routing.route(new RoutingFacts(null, Set.of("doxing"), null, VictimAge.ADULT, null, null, false))
                .ruleSetVersion();
        http.get("/staff/routing/draft");
        String broken = """
                rules:
                  - id: nowhere
                    section: referral
                    order: 1
                    target: no-such-organisation
                    when: {forms-any: [revenge]}
                    reason: {nl: "x", en: "y"}
                """;
        http.postForm("/staff/routing/draft", Map.of("document", broken, "basedOn", String.valueOf(active)));

        StaffHttp.Page refused = http.postForm("/staff/routing/draft/publish", Map.of("note", ""));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().selectFirst("#draft-problems").text())
                .contains("Niet gepubliceerd", "rules[0].when.forms-any: unknown value 'revenge'");
        assertThat(http.postForm("/staff/routing/draft/discard", Map.of()).redirectsTo("/staff/routing")).isTrue();
        assertThat(routing.route(new RoutingFacts(null, Set.of("doxing"), null, VictimAge.ADULT, null, null, false))
                .ruleSetVersion()).isEqualTo(active);
    }

    @Test
    void aPublishedVersionCannotBeChangedEvenByTheApplication() {
        routing.route(new RoutingFacts(null, Set.of("doxing"), null, VictimAge.ADULT, null, null, false));

        assertThatThrownBy(() -> jdbc.sql("update routing_rule_set_version set document = 'rules: []' where version = 1").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from routing_rule_set_version where version = 1").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void theSeededRulesNameOnlyOrganisationsInTheSeededDirectory() {
        routing.route(new RoutingFacts(null, Set.of("doxing"), null, VictimAge.ADULT, null, null, false));
        String seed = jdbc.sql("select document from routing_rule_set_version where version = 1").query(String.class).single();

        org.recourse.routing.internal.rules.RuleSetParser.parse(seed).referencedKeys()
                .forEach(key -> assertThat(directory.findByKey(key)).as(key).isPresent());
    }

    private static String csgReason(RoutingAdvice advice) {
        return advice.referrals().stream().filter(r -> r.organisation().key().equals("centrum-seksueel-geweld"))
                .findFirst().orElseThrow().reason().nl();
    }
}
