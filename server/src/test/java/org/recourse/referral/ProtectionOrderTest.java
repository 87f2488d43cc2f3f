package org.recourse.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.support.AttentionEntries;
import org.recourse.support.MutableClock;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A protection order recorded on a case, with the accounts of the person it binds: a later report
 * that names one of those accounts (as its account or in its address) while the order runs is
 * flagged as a possible breach — urgent, on "needs attention", for the police — and one that names
 * none, or comes after the order ended, is not. When the order nears its end the analyst is asked
 * to check in with the victim. Bad input is refused field by field in the analyst's language.
 */
@RecourseTest
class ProtectionOrderTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cases cases;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String report(String platform, String account, String url) {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        Forms form = Forms.with("reporterType", "self").and("forms", "cyberstalking");
        form = url != null ? form.and("urls", url) : form.and("platform", platform).and("account", account);
        StaffHttp.Page page = form.post(http, "/report");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.document().getElementById("case-number").text();
    }

    private StaffHttp analyst() {
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        analyst.get("/staff?lang=en");
        return analyst;
    }

    private StaffHttp.Page recordOrder(StaffHttp analyst, String caseNumber, Map<String, String> fields) {
        analyst.get("/staff/cases/" + caseNumber);
        Map<String, String> all = new LinkedHashMap<>(Map.of("kind", "contact_ban", "issuedBy", "", "startsOn", "", "endsOn", "",
                "names", "", "accounts", ""));
        all.putAll(fields);
        return analyst.postForm("/staff/cases/" + caseNumber + "/protection-orders", all);
    }

    private String breachOf(String caseNumber) {
        UUID caseId = cases.findByNumber(caseNumber).orElseThrow().id();
        return jdbc.sql("select account from referral_order_breach where case_id = ?").param(caseId).query(String.class).optional().orElse(null);
    }

    @Test
    void aReportNamingAnAccountTheOrderBindsIsFlaggedAsUrgentForThePolice() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String victimCase = report("Instagram", "victim_" + id, null);
        StaffHttp analyst = analyst();
        LocalDate today = LocalDate.now(ZONE);

        StaffHttp.Page recorded = recordOrder(analyst, victimCase, Map.of("issuedBy", "Rechtbank Amsterdam", "startsOn",
                today.minusDays(10).toString(), "endsOn", today.plusDays(30).toString(), "names", "J. de Vries",
                "accounts", "@Ex_" + id + "\nsecond_" + id));
        assertThat(recorded.status()).isEqualTo(302);
        Document page = analyst.get("/staff/cases/" + victimCase).document();
        assertThat(page.getElementById("safety-done").text()).contains("The order is recorded");
        assertThat(page.getElementById("protection-orders").text()).contains("Contact ban", "Rechtbank Amsterdam", "J. de Vries", "ex_" + id);

        // By its account field, and by a segment of its address: both flagged. A report naming neither: not.
        String byAccount = report("Instagram", "@EX_" + id, null);
        String byUrl = report(null, null, "https://www.tiktok.com/@second_" + id + "/video/1");
        String unrelated = report("Instagram", "someone_else_" + id, null);
        await("the breaches are flagged", Duration.ofSeconds(20), () -> breachOf(byAccount) != null && breachOf(byUrl) != null);
        assertThat(breachOf(byAccount)).isEqualTo("ex_" + id);
        assertThat(breachOf(byUrl)).isEqualTo("second_" + id);
        assertThat(breachOf(unrelated)).isNull();

        Element entry = AttentionEntries.forCase(analyst, "referral", byAccount);
        assertThat(entry).isNotNull();
        assertThat(entry.text()).contains("URGENT", "ex_" + id, victimCase, "police");
        page = analyst.get("/staff/cases/" + victimCase).document();
        assertThat(page.getElementById("order-breaches").text()).contains(byAccount, byUrl, "Bring it to the police");
        assertThat(page.getElementById("timeline").text()).contains("Possible breach: a report names");

        UUID breach = jdbc.sql("select id from referral_order_breach where case_id = ?").param(cases.findByNumber(byAccount).orElseThrow().id())
                .query(UUID.class).single();
        analyst.postForm("/staff/protection-order-breaches/" + breach + "/handled", Map.of("caseNumber", victimCase));
        assertThat(AttentionEntries.forCase(analyst, "referral", byAccount)).isNull();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'protection-order.breach-handled'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void anEndedOrderFlagsNothingAndAnEndingOneAsksForACheckIn() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String victimCase = report("Snapchat", "victim2_" + id, null);
        StaffHttp analyst = analyst();
        LocalDate today = LocalDate.now(ZONE);
        recordOrder(analyst, victimCase, Map.of("kind", "restraining_order", "startsOn", today.minusDays(40).toString(),
                "endsOn", today.minusDays(1).toString(), "accounts", "old_" + id));
        recordOrder(analyst, victimCase, Map.of("kind", "area_ban", "startsOn", today.minusDays(5).toString(),
                "endsOn", today.plusDays(20).toString(), "accounts", "current_" + id));

        String afterEnd = report("Snapchat", "old_" + id, null);
        String current = report("Snapchat", "current_" + id, null);
        await("the running order flags", Duration.ofSeconds(20), () -> breachOf(current) != null);
        assertThat(breachOf(afterEnd)).as("the order had ended").isNull();

        // The ended order asks for a check-in now; the running one only in its last week.
        String ending = AttentionEntries.containing(analyst, "referral", "check in with the victim");
        assertThat(ending).contains(today.minusDays(1).toString()).doesNotContain(today.plusDays(20).toString());
        clock.advance(Duration.ofDays(14));
        assertThat(AttentionEntries.containing(analyst, "referral", "check in with the victim")).contains(today.plusDays(20).toString());

        UUID ended = jdbc.sql("select id from referral_protection_order where 'old_" + id + "' = any(bound_accounts)").query(UUID.class).single();
        analyst.get("/staff/cases/" + victimCase);
        analyst.postForm("/staff/protection-orders/" + ended + "/check-in", Map.of("caseNumber", victimCase));
        assertThat(AttentionEntries.containing(analyst, "referral", "check in with the victim")).doesNotContain(today.minusDays(1).toString());
        assertThat(analyst.get("/staff/cases/" + victimCase).document().getElementById("timeline").text())
                .contains("Checked in at the end of the order");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsRecorded() {
        String victimCase = report("Instagram", "victim3_" + UUID.randomUUID().toString().substring(0, 8), null);
        StaffHttp analyst = analyst();
        UUID caseId = cases.findByNumber(victimCase).orElseThrow().id();
        Map<Map<String, String>, String> tries = new LinkedHashMap<>();
        tries.put(Map.of("kind", "nonsense", "startsOn", "2026-01-01", "accounts", "x"), "Choose the kind of order");
        tries.put(Map.of("startsOn", "", "accounts", "x"), "Enter the date the order came into force");
        tries.put(Map.of("startsOn", "2026-13-45", "accounts", "x"), "Enter a valid date");
        tries.put(Map.of("startsOn", "2026-05-01", "endsOn", "2026-04-01", "accounts", "x"), "The end date is before the start date");
        tries.put(Map.of("startsOn", "2026-05-01"), "at least a name or an account");
        tries.put(Map.of("startsOn", "2026-05-01", "accounts", "two words"), "without spaces");
        tries.put(Map.of("startsOn", "2026-05-01", "accounts", "a".repeat(101)), "at most 100 characters");
        tries.put(Map.of("startsOn", "2026-05-01", "names", "bad\u0000name"), "characters that do not belong in text");
        tries.put(Map.of("startsOn", "2026-05-01", "accounts", String.join("\n", java.util.Collections.nCopies(21, "x")
                .stream().map(s -> s + UUID.randomUUID().toString().substring(0, 6)).toList())), "At most 20");
        for (var attempt : tries.entrySet()) {
            recordOrder(analyst, victimCase, attempt.getKey());
            Document page = analyst.get("/staff/cases/" + victimCase).document();
            assertThat(page.select("#order-form .error-message").text()).as(attempt.getKey().toString()).contains(attempt.getValue());
            assertThat(page.html()).doesNotContainIgnoringCase("exception");
        }
        String script = "<script>alert(1)</script>";
        recordOrder(analyst, victimCase, Map.of("startsOn", "2026-05-01", "names", script, "issuedBy", "=HYPERLINK(\"x\")"));
        Document page = analyst.get("/staff/cases/" + victimCase).document();
        assertThat(page.getElementById("protection-orders").text()).contains(script);
        assertThat(page.select("#protection-orders script")).isEmpty();
        assertThat(jdbc.sql("select count(*) from referral_protection_order where case_id = ?").param(caseId).query(Long.class).single())
                .as("only the valid one").isEqualTo(1L);
    }
}
