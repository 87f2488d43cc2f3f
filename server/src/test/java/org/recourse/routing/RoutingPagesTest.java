package org.recourse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Analysts read the active rules and try them on a case in the staff UI; only coordinators edit. */
@RecourseTest
class RoutingPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnalystSeesTheActiveRulesAndTriesThemOnACase() {
        StaffHttp http = new StaffHttp(port);
        http.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));

        Document overview = http.get("/staff/routing").document();
        assertThat(overview.selectFirst("p.lead").text()).startsWith("Actief: versie");
        assertThat(overview.select("tbody code").eachText()).contains("csam-hotline", "dsc-other-member-state");
        assertThat(overview.select("a[href=/staff/routing/draft]")).isEmpty();

        Document advice = http.get("/staff/routing/try?platform=Telegram&age=adult&form=exposure_list"
                + "&relationship=stranger&status=unknown&lang=en").document();
        assertThat(advice.select("ol.actions > li").eachText()).satisfiesExactly(
                first -> assertThat(first).startsWith("Telegram").contains("Our hotline works with Telegram as a trusted flagger"),
                second -> assertThat(second).startsWith("Politie"),
                third -> assertThat(third).startsWith("Autoriteit Consument & Markt")
                        .contains("Telegram is established outside the EU (United Arab Emirates)"),
                fourth -> assertThat(fourth).startsWith("Autoriteit Persoonsgegevens"));
        assertThat(advice.select("ol.referrals > li").eachText()).satisfiesExactly(
                first -> assertThat(first).startsWith("Politie"),
                second -> assertThat(second).startsWith("Slachtofferhulp Nederland"));
        assertThat(advice.selectFirst("#try-platform option[selected]").text()).isEqualTo("Telegram");

        Document wrong = http.get("/staff/routing/try?platform=Nowhere&age=old").document();
        assertThat(wrong.select(".error-summary li").eachText()).contains(
                "Platform: 'Nowhere' is not a name or domain in the directory", "Age: 'old' is not one of adult, minor",
                "Form of violence: give at least one form of violence");
        assertThat(wrong.select("ol.actions")).isEmpty();
        Document dutch = http.get("/staff/routing/try?platform=Nowhere&age=old&lang=nl").document();
        assertThat(dutch.select(".error-summary li").eachText()).contains(
                "Platform: ‘Nowhere’ staat niet als naam of domein in het adresboek",
                "Leeftijd: ‘old’ is geen van deze mogelijkheden: adult, minor",
                "Vorm van geweld: kies ten minste één vorm van geweld");

        Document unknownSite = http.get("/staff/routing/try?age=adult&form=non_consensual_sharing&lang=nl").document();
        assertThat(unknownSite.select("ol.actions > li").eachText()).as("a step without an organisation names the step once")
                .allSatisfy(line -> assertThat(line).doesNotContainPattern("(?i)\\b(\\w+) \\1\\b"))
                .anySatisfy(line -> assertThat(line).startsWith("Melding aan wie de inhoud host (nog te vinden)"));

        assertThat(http.get("/staff/routing/draft").status()).isEqualTo(403);
    }
}
