package org.recourse.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public signpost without JavaScript: plain answers get a plain answer, unknown or
 * contradictory answers still get the safe answer, nothing is stored, and the answers go on into
 * the report form by POST.
 */
@RecourseTest
class SignpostPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void plainAnswersGetWhoCanActAndWhoCanHelpWithReasonsAndContactDetails() {
        Document page = new SignpostHttp(port).answer("/wegwijzer", List.of(Map.entry("forms", "non_consensual_sharing"),
                Map.entry("started", "last_7_days"), Map.entry("minor", "no"), Map.entry("relationship", "ex_partner"),
                Map.entry("platform", "instagram.com"), Map.entry("danger", "no"))).document();

        assertThat(page.select("ol.signpost.actions > li .body").eachText()).startsWith("Instagram", "Politie");
        List<String> help = page.select("ol.signpost.help > li").eachText();
        assertThat(help.getFirst()).startsWith("Centrum Seksueel Geweld nu 0800-0188").contains("in de afgelopen 7 dagen gebeurd");
        assertThat(help).anySatisfy(h -> assertThat(h).startsWith("Veilig Thuis").contains("0800-2000"));
        assertThat(page.select(".yourself li").text()).contains("Leg bewijs vast");
        assertThat(page.select("#safe-emergency").text()).contains("112");
        assertThat(page.select("#danger-now")).isEmpty();
    }

    @Test
    void nothingAnsweredOrNonsenseStillGivesTheSafeAnswer() {
        Document empty = new SignpostHttp(port).answer("/wegwijzer", List.of()).document();
        assertSafeAnswer(empty);
        assertThat(empty.select(".notes li").text()).contains("Je hebt niet gekozen wat er is gebeurd");
        assertThat(empty.select("ol.signpost")).isEmpty();

        StaffHttp.Page nonsense = new SignpostHttp(port).answer("/help", List.of(Map.entry("forms", "revenge"),
                Map.entry("started", "soon"), Map.entry("minor", "maybe"), Map.entry("relationship", "<b>x</b>"),
                Map.entry("danger", "perhaps")));
        assertThat(nonsense.status()).isEqualTo(200);
        assertSafeAnswer(nonsense.document());
        assertThat(nonsense.document().select(".notes li").text()).contains("You did not choose what happened");
    }

    @Test
    void contradictoryAnswersAreReadTheSafeWay() {
        Document page = new SignpostHttp(port).answer("/help", List.of(Map.entry("forms", "child_sexual_abuse_material"),
                Map.entry("minor", "no"), Map.entry("danger", "yes"))).document();

        assertThat(page.select(".notes li").text()).contains("To be safe, the advice assumes someone under 18");
        assertThat(page.select("ol.signpost.actions > li .body").eachText()).as("in danger now: the police first")
                .startsWith("Politie").contains("Meldpunt Kinderporno");
        assertThat(page.select("#danger-now").text()).isEqualTo("In danger now? Call 112.");
        assertSafeAnswer(page);
    }

    @Test
    void anUnknownSiteIsSaidAndTheAdviceStillCovers() {
        Document page = new SignpostHttp(port).answer("/wegwijzer", List.of(Map.entry("forms", "doxing"),
                Map.entry("minor", "no"), Map.entry("platform", "nergens.example"))).document();

        assertThat(page.select(".notes li").text()).contains("Die app of website kennen we niet");
        assertThat(page.select("ol.signpost.actions > li .body").eachText()).isNotEmpty();
    }

    @Test
    void theAnswersGoIntoTheReportFormByPostAndNothingIsSentOrStored() {
        Instant start = Instant.now();
        long cases = jdbc.sql("select count(*) from intake_case").query(Long.class).single();
        SignpostHttp visitor = new SignpostHttp(port);
        Document advice = visitor.answer("/wegwijzer", List.of(Map.entry("forms", "deepfake"), Map.entry("forms", "sextortion"),
                Map.entry("started", "last_month"), Map.entry("minor", "unsure"), Map.entry("relationship", "ex_partner"),
                Map.entry("platform", "Snapchat"), Map.entry("danger", "no"))).document();

        assertThat(advice.selectFirst("#signpost-form").attr("method")).isEqualTo("post");
        Element toReport = advice.selectFirst("form.to-report");
        assertThat(toReport.attr("method")).isEqualTo("post");
        assertThat(toReport.attr("action")).isEqualTo("/melden");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        toReport.select("input[type=hidden]").stream().filter(i -> !i.attr("name").equals("_csrf"))
                .forEach(i -> fields.add(Map.entry(i.attr("name"), i.attr("value"))));
        StaffHttp.Page form = visitor.post("/melden", fields);

        assertThat(form.status()).isEqualTo(200);
        Document report = form.document();
        assertThat(report.selectFirst("h1").text()).isEqualTo("Doe een melding");
        assertThat(report.select("input[name=forms][checked]").eachAttr("value")).containsExactlyInAnyOrder("deepfake", "sextortion");
        assertThat(report.selectFirst("#started option[selected]").attr("value")).isEqualTo("last_month");
        assertThat(report.selectFirst("input[name=minor][checked]").attr("value")).isEqualTo("unsure");
        assertThat(report.selectFirst("#relationship option[selected]").attr("value")).isEqualTo("ex_partner");
        assertThat(report.selectFirst("input[name=platform]").attr("value")).isEqualTo("Snapchat");
        assertThat(report.select(".error-summary")).as("a pre-filled form is not a failed submission").isEmpty();

        assertThat(jdbc.sql("select count(*) from intake_case").query(Long.class).single()).isEqualTo(cases);
        assertThat(jdbc.sql("select count(*) from spring_session where creation_time >= ?").param(start.toEpochMilli())
                .query(Long.class).single()).as("sessions started by the signpost").isZero();
    }

    private static void assertSafeAnswer(Document page) {
        assertThat(page.select("#safe-emergency").text()).contains("112");
        assertThat(page.select("#safe-centre").text()).contains("Centrum Seksueel Geweld", "0800-0188");
        assertThat(page.select("#safe-hotline")).hasSize(1);
    }
}
