package org.recourse.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.ProviderDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platform scorecards and the DSA art. 22(3) counts on a known data set (July 2031), against values
 * worked out by hand.
 *
 * <p>Platform "alpha" got five notices (SLA 24 h). Acknowledged after 2, 4, 6 and 30 hours; one never
 * answered. Removed after 10, 20 and 40 hours (the 40-hour one by a decision "removed"), one refused.
 * Median time to removal over {10, 20, 40} = 20 h; 90th percentile (linear) = 20 + 0.8 × 20 = 36 h.
 * Acknowledged within the SLA: 3 of 5 = 60 %; never answered 1 of 5 = 20 %; refused 1.
 * Platform "beta" got one notice in June (the previous period) and two in July, both refused.
 */
@RecourseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardsTest {

    static final Instant JULY = Instant.parse("2031-07-07T08:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    void notices() {
        StatisticsFixtures f = new StatisticsFixtures(jdbc, events, transactions);
        f.notice("alpha-2031", "deepfake", JULY, Duration.ofHours(2), null, null, Duration.ofHours(10));
        f.notice("alpha-2031", "deepfake", JULY, Duration.ofHours(4), null, null, Duration.ofHours(20));
        f.notice("alpha-2031", "non_consensual_sharing", JULY, Duration.ofHours(6), ProviderDecision.REMOVED,
                Duration.ofHours(40), null);
        f.notice("alpha-2031", "cyberstalking", JULY, Duration.ofHours(30), ProviderDecision.REFUSED, Duration.ofHours(31), null);
        f.notice("alpha-2031", "deepfake", JULY, null, null, null, null);
        f.notice("beta-2031", "deepfake", Instant.parse("2031-06-10T08:00:00Z"), null, null, null, null);
        f.notice("beta-2031", "hate_speech", JULY, Duration.ofHours(1), ProviderDecision.REFUSED, Duration.ofHours(1), null);
        f.notice("beta-2031", "hate_speech", JULY, Duration.ofHours(1), ProviderDecision.REFUSED, Duration.ofHours(1), null);
    }

    Document page(String path) {
        StaffHttp http = new StaffHttp(port);
        http.get("/staff");
        http.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        StaffHttp.Page page = http.get(path);
        assertThat(page.status()).isEqualTo(200);
        return page.document();
    }

    List<String> now(Element row) {
        return row.select("td .now").eachText();
    }

    @Test
    void scorecardTimingsMatchTheHandComputedValues() {
        Document doc = page("/staff/statistics/platforms?period=2031-07");
        assertThat(doc.select("#scorecards thead th").eachText()).containsExactly("Platform of hoster", "Verwijderverzoeken",
                "Bevestigd binnen termijn (%)", "Uren tot verwijdering (mediaan)", "Uren tot verwijdering (90e percentiel)",
                "Nooit beantwoord (%)", "Geweigerd", "Escalaties", "Heruploads");
        Element alpha = doc.selectFirst("#scorecards tr[data-platform=alpha-2031]");
        assertThat(now(alpha)).containsExactly("5", "60", "20.0", "36.0", "20", "1", "0", "–");
        Element beta = doc.selectFirst("#scorecards tr[data-platform=beta-2031]");
        assertThat(now(beta)).containsExactly("2", "100", "–", "–", "0", "2", "0", "–");
        assertThat(beta.select("td .previous").first().text()).isEqualTo("(vorige: 1)");
        assertThat(doc.getElementById("not-recorded")).as("escalations and re-uploads are recorded").isNull();
    }

    @Test
    void dsaArticle22CountsByProviderContentAndAction() {
        Document doc = page("/staff/statistics/dsa?period=2031-07");
        assertThat(rows(doc, "notices-by-platform")).contains("alpha-2031=5", "beta-2031=2");
        assertThat(doc.select("#notices-by-platform tfoot .value").text()).isEqualTo("7");
        assertThat(rows(doc, "notices-by-dsa_category")).contains(
                "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN=4", "STATEMENT_CATEGORY_CYBER_VIOLENCE=1",
                "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH=2");
        assertThat(rows(doc, "notices-by-action_taken")).containsExactly("Verwijderd=3", "Beperkt=0", "Geweigerd=3",
                "Anders=0", "Geen reactie=1", "Geëscaleerd=0");
        assertThat(doc.select("svg#chart-notices-by-action_taken[role=img] title").text()).contains("Genomen actie");
    }

    private static List<String> rows(Document doc, String id) {
        return doc.select("#" + id + " tbody tr").stream()
                .map(r -> r.selectFirst("th").text() + "=" + r.selectFirst(".value").text()).toList();
    }
}
