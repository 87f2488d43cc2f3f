package org.recourse.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search from every staff page: by a case number or its start, a piece of a URL, a domain, an
 * account name, the e-mail address of a partner report and words the reporter wrote; narrowed by
 * filters and paged; hostile text gets a message or nothing, never an error page; every case shown
 * is in the audit trail, the text searched for is not.
 */
@RecourseTest
class CaseSearchTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired List<CliCommand> commands;

    private WorkbenchFixtures fixtures() {
        return new WorkbenchFixtures(port, jdbc, commands);
    }

    private static Document search(StaffHttp http, String query) {
        StaffHttp.Page page = http.get("/staff/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(page.status()).as("search for " + query.substring(0, Math.min(40, query.length()))).isEqualTo(200);
        return page.document();
    }

    private static List<String> found(Document results) {
        return results.select("#results tbody tr").eachAttr("data-case");
    }

    private static String matchedOn(Document results, String caseNumber) {
        return results.selectFirst("#results tr[data-case=" + caseNumber + "] td:last-child").text();
    }

    @Test
    void findsACaseByEachKindOfThingAnAnalystKnowsAboutIt() throws Exception {
        WorkbenchFixtures fixtures = fixtures();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        WorkbenchFixtures.Reported reported = fixtures.report("https://www.site" + id + ".example/gallery/img-" + id + "?x=1",
                "Snapchat", "@nightowl_" + id, "Hij dreigt de video te delen met mijn werkgever kwartel" + id);
        fixtures.addInformation(reported, "Nieuw account gevonden: zeeleeuw" + id);
        String partnerEmail = "Victim." + id + "@Mail.example";
        String partnerCase = fixtures.partnerReport("https://partner" + id + ".example/x", partnerEmail);
        StaffHttp analyst = fixtures.signedIn(StaffRole.ANALYST);
        String number = reported.caseNumber();

        Document byPrefix = search(analyst, number.substring(0, 7));
        assertThat(found(byPrefix)).contains(number);
        assertThat(matchedOn(byPrefix, number)).contains("zaaknummer");
        assertThat(found(search(analyst, "rc" + number.substring(3, 7).toLowerCase()))).as("without the hyphen, lower case")
                .contains(number);
        assertThat(found(search(analyst, number))).containsExactly(number);

        Document byUrl = search(analyst, "img-" + id);
        assertThat(found(byUrl)).containsExactly(number);
        assertThat(matchedOn(byUrl, number)).contains("URL");
        assertThat(byUrl.selectFirst("#results tr[data-case=" + number + "]").text()).contains("site" + id + ".example/gallery");
        assertThat(found(search(analyst, "http://www.site" + id + ".example/gallery"))).as("pasted with another scheme")
                .containsExactly(number);

        Document byDomain = search(analyst, "site" + id + ".example");
        assertThat(found(byDomain)).containsExactly(number);
        assertThat(matchedOn(byDomain, number)).contains("domein");
        assertThat(found(search(analyst, "ite" + id + ".example"))).as("a domain is matched whole, not by its last letters")
                .doesNotContain(number);

        Document byAccount = search(analyst, "@NIGHTOWL_" + id);
        assertThat(found(byAccount)).containsExactly(number);
        assertThat(matchedOn(byAccount, number)).contains("account");

        Document byEmail = search(analyst, partnerEmail.toLowerCase());
        assertThat(found(byEmail)).containsExactly(partnerCase);
        assertThat(matchedOn(byEmail, partnerCase)).contains("e-mailadres");

        Document byWords = search(analyst, "werkgever kwartel" + id);
        assertThat(found(byWords)).containsExactly(number);
        assertThat(matchedOn(byWords, number)).contains("woorden van de melder");
        assertThat(found(search(analyst, "zeeleeuw" + id))).as("words the reporter added later").containsExactly(number);
        assertThat(found(search(analyst, "kwartel" + id + " -werkgever"))).as("a word excluded").isEmpty();

        assertThat(search(analyst, "the search box is on every page").select("form.site-search input[name=q]")).hasSize(1);
        assertThat(analyst.get("/staff/queue").document().select("form.site-search[action=/staff/search] input#site-search-q"))
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'case.found' and object_id = ?")
                .param(reported.caseId().toString()).query(Long.class).single()).as("every case shown is audited").isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("select count(*) from audit_log where detail like ?").param("%kwartel" + id + "%").query(Long.class).single())
                .as("the text searched for is never recorded").isZero();
    }

    @Test
    void filtersNarrowAndPagesWalkThroughTheResults() {
        TestCases testCases = new TestCases(jdbc);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Instant now = Instant.now();
        for (int i = 0; i < 27; i++) {
            TestCases.Created created = testCases.create(now.minus(i, ChronoUnit.HOURS));
            testCases.addItem(created.id(), "https://paged.example/" + id + "/" + i, "paged.example");
        }
        TestCases.Created old = testCases.create(now.minus(40, ChronoUnit.DAYS));
        testCases.addItem(old.id(), "https://paged.example/" + id + "/old", "paged.example");
        jdbc.sql("update intake_case set status = 'CLOSED' where id = ?").param(old.id()).update();
        StaffHttp analyst = fixtures().signedIn(StaffRole.COORDINATOR);

        Document first = search(analyst, id);
        assertThat(found(first)).hasSize(25);
        assertThat(first.select("nav.pages a[rel=next]").attr("href")).contains("page=2").contains("q=" + id);
        Document second = analyst.get(first.selectFirst("nav.pages a[rel=next]").attr("href")).document();
        assertThat(found(second)).hasSize(3).contains(old.caseNumber());
        assertThat(second.select("nav.pages a[rel=next]")).isEmpty();
        assertThat(second.select("nav.pages a[rel=prev]")).hasSize(1);

        Document closed = analyst.get("/staff/search?q=" + id + "&status=CLOSED").document();
        assertThat(found(closed)).containsExactly(old.caseNumber());
        String lastMonth = LocalDate.ofInstant(now, ZoneId.of("Europe/Amsterdam")).minusDays(30).toString();
        Document recent = analyst.get("/staff/search?q=" + id + "&from=" + lastMonth).document();
        assertThat(found(recent)).hasSize(25).doesNotContain(old.caseNumber());
        String longAgo = LocalDate.ofInstant(now, ZoneId.of("Europe/Amsterdam")).minusDays(35).toString();
        assertThat(found(analyst.get("/staff/search?q=" + id + "&to=" + longAgo).document())).containsExactly(old.caseNumber());

        Document list = analyst.get("/staff/intake?status=CLOSED&from=" + LocalDate.ofInstant(now, ZoneId.of("Europe/Amsterdam"))
                .minusDays(41) + "&to=" + longAgo).document();
        assertThat(list.select("#cases a").eachText()).contains(old.caseNumber());
        assertThat(list.select("#filter-status option[selected]").attr("value")).isEqualTo("CLOSED");
        Document listError = analyst.get("/staff/intake?status=BOGUS&from=2026-13-45").document();
        assertThat(listError.getElementById("filter-status-error").text()).isEqualTo("Deze keuze bestaat niet; dit filter is niet toegepast.");
        assertThat(listError.getElementById("filter-from-error").text()).startsWith("Geen geldige datum");
    }

    @Test
    void manyMatchesAreFoundNewestFirstWithoutCollectingThemAll() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        int many = 2_100;
        jdbc.sql("""
                insert into intake_case (id, case_number, status, channel, received_at, updated_at)
                select gen_random_uuid(), 'RC-' || upper(substr(md5(:id || g), 1, 4)) || '-' || upper(substr(md5(:id || g), 5, 4)),
                    case when g % 2 = 0 then 'REMOVED' else 'RECEIVED' end, 'phone',
                    now() - make_interval(mins => g), now()
                from generate_series(1, :many) g""").param("id", id).param("many", many).update();
        jdbc.sql("""
                insert into reported_item (id, case_id, position, url, url_normalised, host, created_at)
                select gen_random_uuid(), c.id, 0, u, u, 'dense.example', now()
                from intake_case c, lateral (select 'https://dense.example/' || :id || '/' || c.case_number as u) url
                where c.case_number in (select 'RC-' || upper(substr(md5(:id || g), 1, 4)) || '-' || upper(substr(md5(:id || g), 5, 4))
                                        from generate_series(1, :many) g)""").param("id", id).param("many", many).update();
        StaffHttp analyst = fixtures().signedIn(StaffRole.ANALYST);

        Document first = search(analyst, id);
        assertThat(found(first)).hasSize(25);
        List<String> newest = jdbc.sql("""
                        select c.case_number from intake_case c join reported_item i on i.case_id = c.id
                        where i.url_normalised like ? order by c.received_at desc, c.id desc limit 25""")
                .param("https://dense.example/" + id + "/%").query(String.class).list();
        assertThat(found(first)).containsExactlyElementsOf(newest);
        assertThat(matchedOn(first, newest.getFirst())).contains("URL");
        assertThat(first.select("nav.pages a[rel=next]")).hasSize(1);
        Document removed = analyst.get("/staff/search?q=" + id + "&status=REMOVED&page=3").document();
        assertThat(found(removed)).hasSize(25);
        assertThat(removed.select("#results tbody tr td:nth-child(3)").eachText()).containsOnly("Verwijderd");
    }

    @Test
    void hostileTextGetsAMessageOrNothingNeverAnErrorPage() {
        StaffHttp analyst = fixtures().signedIn(StaffRole.ANALYST);
        String tableCount = "select count(*) from intake_case";
        long before = jdbc.sql(tableCount).query(Long.class).single();

        assertThat(analyst.get("/staff/search").document().getElementById("search-message").text()).startsWith("Typ een zaaknummer");
        assertThat(search(analyst, "   ").getElementById("search-message").text()).startsWith("Typ een zaaknummer");
        for (String hostile : List.of("' or 1=1; drop table intake_case; --", "%", "_", "\\", ".*[(", "(?<x>a)+$", "'\"", "<script>alert(1)</script>",
                "!@#$%^&*()", "a:*", "& | !", "RC-", "RC", "@", "x@y", "ĳ🙂")) {
            Document results = search(analyst, hostile);
            assertThat(results.select("#results tbody tr").size() + results.select("#search-message").size())
                    .as(hostile).isPositive();
            assertThat(results.html()).as(hostile).doesNotContain("<script>alert(1)</script>");
        }
        assertThat(jdbc.sql(tableCount).query(Long.class).single()).isGreaterThanOrEqualTo(before);

        Document tooLong = search(analyst, "a".repeat(10_000));
        assertThat(tooLong.getElementById("search-message").text()).startsWith("Deze zoektekst is te lang");
        assertThat(tooLong.selectFirst("#search-q").val()).isEmpty();

        StaffHttp.Page nul = analyst.get("/staff/search?q=abc%00def");
        assertThat(nul.status()).isEqualTo(200);
        assertThat(nul.document().getElementById("search-cleaned").text()).contains("NUL");
        StaffHttp.Page odd = analyst.get("/staff/search?q=x&page=-3&status=nonsense&form=%27--&from=yesterday&childRoute=1");
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.document().select(".filter .error-message")).hasSize(3);
        assertThat(analyst.get("/staff/search?q=x&page=99999999999999999999").status()).isEqualTo(200);
        assertThat(fixtures().signedIn(StaffRole.LIAISON).get("/staff/search?q=x").status()).isEqualTo(403);
    }
}
