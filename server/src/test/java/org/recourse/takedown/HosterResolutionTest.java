package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.directory.Hosting;
import org.recourse.directory.HostingResult;
import org.recourse.directory.internal.hosting.RdapBootstrap;
import org.recourse.intake.ReportedItem;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hoster resolution against RDAP servers played by WireMock (the IANA bootstrap files too, fetched
 * through the safe fetcher) and DNS answered from a table: unknown hosters are created for an
 * analyst to confirm before notices use them; CDNs and domain rules; a moved item goes to CHANGED.
 */
class HosterResolutionTest extends TakedownIntegrationTest {

    @Autowired
    Hosting hosting;
    @Autowired
    RdapBootstrap bootstrap;

    /** WireMock by address: the safe fetcher refuses the name "localhost" even where tests allow loopback addresses. */
    static final String LOOPBACK_API = "http://127.0.0.1:" + PLATFORM_API.port();

    static String json(String text) {
        return text.replace('\'', '"');
    }

    static void stub(String path, String body) {
        PLATFORM_API.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rdap+json").withBody(body)));
    }

    static String network(String holder, String abuse) {
        return json("{'objectClassName':'ip network','handle':'NET-" + holder.hashCode() + "','name':'NET','entities':["
                + "{'roles':['registrant'],'vcardArray':['vcard',[['version',{},'text','4.0'],['fn',{},'text','" + holder + "']]],"
                + "'entities':[{'roles':['abuse'],'vcardArray':['vcard',[['fn',{},'text','Abuse'],['email',{},'text','" + abuse + "']]]}]}]}");
    }

    @BeforeAll
    static void rdapServers() {
        String rdap = LOOPBACK_API + "/rdap/";
        stub("/iana/ipv4.json", json("{'services':[[['203.0.113.0/24','198.51.100.0/24'],['" + rdap + "']]]}"));
        stub("/iana/ipv6.json", json("{'services':[]}"));
        stub("/iana/dns.json", json("{'services':[[['test'],['" + rdap + "']]]}"));
    }

    @Test
    void anUnknownHosterIsCreatedFromRdapAndReceivesNoticesOnlyOnceAnAnalystConfirmsIt() throws Exception {
        bootstrap.refresh(LOOPBACK_API + "/iana/");
        String id = UUID.randomUUID().toString().substring(0, 8);
        String holder = "Example Hosting " + id + " B.V.";
        String abuse = "abuse-" + id + "@examplehosting.test";
        stub("/rdap/ip/203.0.113.10", network(holder, abuse));
        stub("/rdap/domain/site-" + id + ".test", json("{'objectClassName':'domain','entities':[{'roles':['registrar'],"
                + "'vcardArray':['vcard',[['fn',{},'text','Registrar " + id + "']]]}]}"));
        DNS.answer("www.site-" + id + ".test", List.of("www.site-" + id + ".test", "edge-" + id + ".cdn.test"), "203.0.113.10");

        HostingResult result = hosting.resolve("https://www.site-" + id + ".test/photo/1");
        assertThat(result.aliases()).containsExactly("www.site-" + id + ".test", "edge-" + id + ".cdn.test");
        assertThat(result.addresses()).containsExactly("203.0.113.10");
        assertThat(result.cdn()).isNull();
        assertThat(result.hosterKey()).isEqualTo("example-hosting-" + id + "-b-v");
        assertThat(result.hosterConfirmed()).isFalse();
        assertThat(result.registrarKey()).isEqualTo("registrar-" + id);
        assertThat(jdbc.sql("select notice_email from directory_organisation where key = ?").param(result.hosterKey())
                .query(String.class).single()).isEqualTo(abuse);

        UUID caseId = report("https://www.site-" + id + ".test/photo/1");
        ReportedItem item = cases.items(caseId).getFirst();
        decide(caseId, item, null, false, longAgo());
        await("the item is recorded", Duration.ofSeconds(10), () -> status(item).equals("unrouted"));
        planAndSendDue();
        assertThat(mailCount(abuse)).isZero();

        StaffHttp analyst = new StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        assertThat(analyst.get("/staff/directory/hosting").document().getElementById("unconfirmed").text()).contains(holder);
        assertThat(analyst.postForm("/staff/directory/hosting/contacts/" + result.hosterKey() + "/confirm", Map.of())
                .redirectsTo("/staff/directory/hosting")).isTrue();

        await("the notice goes to the hoster's abuse address", Duration.ofSeconds(30), () -> mailCount(abuse) == 1);
        assertThat(hosting.resolve("https://www.site-" + id + ".test/").hosterConfirmed()).isTrue();
    }

    @Test
    void aCdnIsRecognisedAndDomainRulesForceTheHosterAndAddTheSiteOwner() throws Exception {
        bootstrap.refresh(LOOPBACK_API + "/iana/");
        String id = UUID.randomUUID().toString().substring(0, 8);
        DNS.answer("cdn-" + id + ".test", List.of(), "104.16.1.1");
        assertThat(hosting.resolve("https://cdn-" + id + ".test/a").cdn()).isEqualTo("cloudflare");

        String realHost = recipient("Real Host", false, "abuse-real-" + id + "@host.test", null, null, "en");
        String owner = recipient("Site Owner", false, "owner-" + id + "@site.test", null, null, "en");
        jdbc.sql("insert into directory_domain_rule (domain, real_host_key, site_owner_key, do_not_fetch, updated_at, updated_by) "
                + "values (?, ?, ?, true, now(), 'test')").params("cdn-" + id + ".test", realHost, owner).update();
        DNS.answer("www.cdn-" + id + ".test", List.of(), "104.16.1.1");
        HostingResult ruled = hosting.resolve("https://www.cdn-" + id + ".test/a");
        assertThat(ruled.cdn()).isEqualTo("cloudflare");
        assertThat(ruled.hosterKey()).isEqualTo(realHost);
        assertThat(ruled.siteOwnerKey()).isEqualTo(owner);
        assertThat(ruled.doNotFetch()).isTrue();

        UUID caseId = report("https://www.cdn-" + id + ".test/a");
        decide(caseId, cases.items(caseId).getFirst(), null, false, longAgo());
        await("both the real host and the site owner get a notice", Duration.ofSeconds(30),
                () -> mailCount("abuse-real-" + id + "@host.test") == 1 && mailCount("owner-" + id + "@site.test") == 1);
        assertThat(jdbc.sql("select count(*) from takedown_item where case_id = ? and do_not_fetch and next_check_at is null")
                .param(caseId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anItemWhoseHosterChangedBeforeTheNoticeGoesToChanged() throws Exception {
        bootstrap.refresh(LOOPBACK_API + "/iana/");
        String id = UUID.randomUUID().toString().substring(0, 8);
        stub("/rdap/ip/198.51.100.20", network("Old Host " + id, "abuse-old-" + id + "@old.test"));
        stub("/rdap/ip/198.51.100.21", network("New Host " + id, "abuse-new-" + id + "@new.test"));
        DNS.answer("moving-" + id + ".test", List.of(), "198.51.100.20");
        String oldHost = hosting.resolve("https://moving-" + id + ".test/").hosterKey();
        jdbc.sql("update directory_organisation set confirmed = true where key = ?").param(oldHost).update();

        UUID caseId = report("https://moving-" + id + ".test/x");
        ReportedItem item = cases.items(caseId).getFirst();
        decide(caseId, item, null, false, clock.instant());
        await("the item waits for its notice", Duration.ofSeconds(10), () -> status(item).equals("pending"));
        DNS.answer("moving-" + id + ".test", List.of(), "198.51.100.21");
        clock.advance(Duration.ofMinutes(31));
        await("the planner finds the item moved", Duration.ofSeconds(30), () -> status(item).equals("changed"));
        assertThat(mailCount("abuse-old-" + id + "@old.test")).isZero();
    }

    @Test
    void aMonitoredItemAnsweringFromANewAddressWithANewHosterGoesToChanged() throws Exception {
        bootstrap.refresh(LOOPBACK_API + "/iana/");
        try (org.recourse.evidence.internal.fetch.TestWebsite site = new org.recourse.evidence.internal.fetch.TestWebsite()) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            site.page("/" + id, "text/html", "<p>here</p>".getBytes());
            stub("/rdap/ip/198.51.100.30", network("First Host " + id, "abuse-first-" + id + "@first.test"));
            stub("/rdap/ip/198.51.100.31", network("Second Host " + id, "abuse-second-" + id + "@second.test"));
            DNS.answer("127.0.0.1", List.of(), "198.51.100.30");
            String first = hosting.resolve(site.url("/" + id).toString()).hosterKey();
            jdbc.sql("update directory_organisation set confirmed = true where key = ?").param(first).update();

            UUID caseId = report(site.url("/" + id).toString());
            ReportedItem item = cases.items(caseId).getFirst();
            decide(caseId, item, null, false, longAgo());
            await("the first hoster is notified", Duration.ofSeconds(30), () -> mailCount("abuse-first-" + id + "@first.test") == 1);
            await("the item is checked", Duration.ofSeconds(20), () -> jdbc.sql(
                    "select count(*) from takedown_item where reported_item_id = ? and last_ip = '127.0.0.1'").param(item.id())
                    .query(Long.class).single() == 1);

            DNS.answer("127.0.0.1", List.of(), "198.51.100.31");
            jdbc.sql("update takedown_item set last_ip = '127.0.0.9' where reported_item_id = ?").param(item.id()).update();
            await("the item is put in CHANGED", Duration.ofSeconds(20), () -> status(item).equals("changed"));
            assertThat(jdbc.sql("select changed_reason from takedown_item where reported_item_id = ?").param(item.id())
                    .query(String.class).single()).contains(first).contains("second-host-" + id);
        }
    }

    String status(ReportedItem item) {
        return jdbc.sql("select coalesce(max(status), '') from takedown_item where reported_item_id = ?").param(item.id())
                .query(String.class).single();
    }

    long mailCount(String address) {
        return mailTo(address).size();
    }
}
