package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.ReportedItem;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;

/**
 * A confirmed take-down that cannot go anywhere does not stall silently: it waits on the
 * dashboard's "needs attention" list with the reason and the action, the reporter reads that the
 * decision is taken and the request is being prepared, and an analyst routes it by hand (refused,
 * with the reason, for an organisation without that channel), after which the notice is mailed.
 */
class StalledTakedownTest extends TakedownIntegrationTest {

    StaffHttp analyst() {
        StaffHttp analyst = new StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        return analyst;
    }

    long mailCount(String address) {
        return mailTo(address).size();
    }

    String itemStatus(ReportedItem item) {
        return jdbc.sql("select status from takedown_item where reported_item_id = ?").param(item.id()).query(String.class).optional().orElse("");
    }

    /** The dashboard's entry for a case, or null. */
    static Element attentionFor(StaffHttp analyst, String caseNumber) {
        return org.recourse.support.AttentionEntries.forCase(analyst, "takedown", caseNumber);
    }

    @Test
    void aTakedownWithoutRecipientWaitsOnTheDashboardIsRefusedForAnOrganisationWithoutTheChannelAndGoesOutWhenRoutedByHand() {
        StaffHttp analyst = analyst();
        String host = "nowhere-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Reported reported = reportWithCredentials("https://" + host + "/photo/1");
        ReportedItem item = cases.items(reported.caseId()).getFirst();
        decide(reported.caseId(), item, null, false, longAgo());
        await("the item waits for a person", Duration.ofSeconds(10), () -> itemStatus(item).equals("unrouted"));

        assertThat(cases.find(reported.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.DECISION_TAKEN);
        assertThat(statusPage(reported).getElementById("current-status").text())
                .startsWith("Decision taken, request being prepared").doesNotContain("Being assessed");

        Element entry = attentionFor(analyst, reported.caseNumber());
        assertThat(entry).as("the stalled take-down is on the dashboard").isNotNull();
        assertThat(entry.selectFirst(".reason").text()).isEqualTo("No recipient found for " + host
                + ": choose an organisation and channel from the directory.");
        Element action = entry.selectFirst("a.action");
        assertThat(action.text()).isEqualTo("Route by hand");
        String silent = recipient("Silent Host", false, null, null, null, "en");
        Document route = analyst.get(action.attr("href")).document();
        assertThat(route.getElementById("case-number").text()).isEqualTo(reported.caseNumber());
        assertThat(route.getElementById("item-url").text()).isEqualTo(item.url());
        assertThat(route.select("#organisation option[value=" + silent + "]").text()).endsWith("(channel unknown)");
        StaffHttp.Page refused = analyst.postForm(action.attr("href"), Map.of("organisation", silent, "channel", "email"));
        assertThat(refused.redirectsTo(action.attr("href") + "#route")).isTrue();
        assertThat(analyst.get(action.attr("href")).document().getElementById("route-error").text())
                .isEqualTo("Silent Host " + silent + " has no e-mail in the directory. An item cannot be routed to a channel nobody "
                        + "knows: add the channel to the directory first, with its source and date, or choose another channel.");
        assertThat(itemStatus(item)).isEqualTo("unrouted");

        String address = "by-hand-" + UUID.randomUUID() + "@host.test";
        String chosen = recipient("Chosen Host", false, address, null, null, "en");
        StaffHttp.Page routed = analyst.postForm(action.attr("href"), Map.of("organisation", chosen, "channel", "email"));
        assertThat(routed.location()).contains("/staff/takedown/notices/");
        await("the notice is mailed to the chosen organisation", Duration.ofSeconds(30), () -> mailCount(address) == 1);
        await("the notice is recorded as sent", Duration.ofSeconds(10), () -> cases.find(reported.caseId()).orElseThrow().status()
                == CaseStatus.NOTICES_SENT);
        assertThat(itemStatus(item)).isEqualTo("notified");
        assertThat(jdbc.sql("select recipient_source from takedown_item where reported_item_id = ?").param(item.id())
                .query(String.class).single()).isEqualTo("manual");
        assertThat(attentionFor(analyst, reported.caseNumber())).isNull();
        assertThat(statusPage(reported).getElementById("current-status").text()).startsWith("Removal request sent");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'takedown.item-routed-by-hand' and object_id = ?")
                .param(jdbc.sql("select id::text from takedown_item where reported_item_id = ?").param(item.id()).query(String.class)
                        .single()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPlatformWithoutAKnownChannelAsksForItAndItsTakedownGoesOnceTheDirectoryHasIt() {
        StaffHttp analyst = analyst();
        String platform = recipient("Quiet Platform", false, null, null, null, "en");
        UUID organisationId = jdbc.sql("select id from directory_organisation where key = ?").param(platform).query(UUID.class).single();
        Reported reported = reportWithCredentials("https://" + platform + ".example/post/1");
        ReportedItem item = cases.items(reported.caseId()).getFirst();
        decide(reported.caseId(), item, platform, false, longAgo());
        await("the item waits for a channel", Duration.ofSeconds(30), () -> itemStatus(item).equals("unrouted"));

        Element entry = attentionFor(analyst, reported.caseNumber());
        assertThat(entry.selectFirst(".reason").text()).startsWith("No notice channel known for Quiet Platform " + platform);
        assertThat(entry.selectFirst("a.action").text()).isEqualTo("Add the channel or route by hand");
        Document route = analyst.get(entry.selectFirst("a.action").attr("href")).document();
        assertThat(route.selectFirst("#add-channel a").attr("href")).isEqualTo("/staff/directory/" + organisationId);
        assertThat(analyst.get("/staff/directory/" + organisationId).document().getElementById("channel-unknown").text())
                .startsWith("Channel unknown");

        String address = "found-" + UUID.randomUUID() + "@platform.test";
        jdbc.sql("update directory_organisation set notice_email = ? where key = ?").params(address, platform).update();
        await("the waiting take-down goes out", Duration.ofSeconds(30), () -> mailCount(address) == 1);
        assertThat(attentionFor(analyst, reported.caseNumber())).isNull();
        assertThat(analyst.get("/staff/directory/" + organisationId).document().getElementById("channel-unknown")).isNull();
    }
}
