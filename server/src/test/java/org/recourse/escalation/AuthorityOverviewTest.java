package org.recourse.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;

/**
 * The overview per authority counts what was filed in the period, what is open now and since when,
 * and what the authority answered; its CSV neutralises formulas and its PDF is a PDF; a period
 * that is reversed, not a date or too long gets its reason on the page.
 */
class AuthorityOverviewTest extends EscalationIntegrationTest {

    @Test
    void filedOpenAndAnsweredPerAuthorityOnThePageInCsvAndInPdf() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = disputedRefusal(site);
            String authority = recipient("=HYPERLINK(\"http://evil.test\")", false, null, null, "https://regulator.test/form", "nl");
            TestStaff staff = new TestStaff(jdbc);
            StaffHttp analyst = new StaffHttp(port);
            analyst.get("/report");
            analyst.signIn(staff.create(StaffRole.ANALYST));
            StaffHttp coordinator = new StaffHttp(port);
            coordinator.get("/report");
            coordinator.signIn(staff.create(StaffRole.COORDINATOR));
            String path = analyst.postForm("/staff/escalation/requests", Map.of("platform", disputed.platform(), "authority", authority,
                    "item", disputed.item().id().toString(), "language", "nl")).location();
            path = path.substring(path.indexOf("/staff/"));
            coordinator.postForm(path + "/approve", Map.of());
            coordinator.postForm(path + "/web-form", Map.of("authorityReference", "F-1"));

            Document page = analyst.get("/staff/escalation/overview").document();
            org.jsoup.select.Elements row = page.select("#overview tr[data-authority=" + authority + "]");
            assertThat(row.select(".filed").text()).isEqualTo("1");
            assertThat(row.select(".open").text()).isEqualTo("1");
            assertThat(row.select(".oldest").text()).isEqualTo("0");

            coordinator.postForm(path + "/outcome", Map.of("state", "decided", "authorityReference", "", "note", ""));
            row = analyst.get("/staff/escalation/overview").document().select("#overview tr[data-authority=" + authority + "]");
            assertThat(row.select(".open").text()).isEqualTo("0");
            assertThat(row.select(".decided").text()).isEqualTo("1");

            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
            String query = "?from=" + today.minusDays(7) + "&to=" + today;
            java.net.http.HttpResponse<byte[]> csv = analyst.download("/staff/escalation/overview" + query + "&format=csv");
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\"authority\";\"authority_name\";\"filed\"");
            assertThat(text).contains("\"" + authority + "\";\"'=HYPERLINK(\"\"http://evil.test\"\") " + authority + "\";\"1\";\"0\"");
            java.net.http.HttpResponse<byte[]> pdf = analyst.download("/staff/escalation/overview" + query + "&format=pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            assertThat(analyst.get("/staff/escalation/overview?from=" + today + "&to=" + today.minusDays(1)).document()
                    .getElementById("period-error").text()).startsWith("Choose a period of at most five years");
            assertThat(analyst.get("/staff/escalation/overview?from=%3Cscript%3E&to=" + today).document()
                    .getElementById("period-error")).isNotNull();
            assertThat(analyst.get("/staff/escalation/overview?from=2000-01-01&to=" + today).document()
                    .getElementById("period-error")).isNotNull();
            StaffHttp.Page refused = analyst.get("/staff/escalation/overview?from=x&to=y&format=csv");
            assertThat(refused.status()).isEqualTo(303);
            assertThat(refused.location()).contains("/staff/escalation/overview?from=x&to=y");
        }
    }
}
