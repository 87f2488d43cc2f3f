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
                "platform: 'Nowhere' is not a name or domain in the directory", "age: 'old' is not one of adult, minor",
                "form: give at least one form of violence");
        assertThat(wrong.select("ol.actions")).isEmpty();

        assertThat(http.get("/staff/routing/draft").status()).isEqualTo(403);
    }
}
