package org.recourse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditTrail;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Coordinators keep the directory current over real HTTP; every version stays readable. */
@RecourseTest
class DirectoryEditingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    AuditTrail audit;

    @Test
    void aCoordinatorAddsAndChangesAnOrganisationAndTheHistoryShowsWhoChangedWhat() {
        TestStaff.Account coordinator = new TestStaff(jdbc).create(StaffRole.COORDINATOR);
        StaffHttp http = new StaffHttp(port);
        http.signIn(coordinator);
        String key = "hoster-" + UUID.randomUUID().toString().substring(0, 8);

        http.get("/staff/directory/new");
        Map<String, String> form = form(key, "Hoster " + key, "hoster", "DE", "abuse@" + key + ".example");
        StaffHttp.Page created = http.postForm("/staff/directory", form);
        assertThat(created.location()).matches(".*/staff/directory/[0-9a-f-]{36}");
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));

        Document edit = http.get(path + "/edit").document();
        assertThat(edit.selectFirst("input[name=version]").val()).isEqualTo("1");
        Map<String, String> changed = form(key, "Hoster " + key, "hoster", "NL", "meldingen@" + key + ".example");
        changed.put("vlop", "true");
        changed.put("noticeXarf", "true");
        changed.put("version", "1");
        assertThat(http.postForm(path, changed).redirectsTo(path)).isTrue();

        Document detail = http.get(path).document();
        assertThat(detail.select("dd").eachText()).contains("NL", "meldingen@" + key + ".example");
        assertThat(detail.text()).contains("E-mailadres verwerkt X-ARF-rapporten",
                "X-ARF alleen bij doxing; andere vormen krijgen een gewone melding.",
                "XARF v4 kent alleen voor doxing een passend type (content/exposed_data)");
        assertThat(http.get(path + "/edit").document().text()).contains("X-ARF alleen bij doxing: meldingen over doxing krijgen");
        assertThat(http.get(path + "?lang=en").document().text()).contains("E-mail address processes X-ARF reports",
                "X-ARF for doxing only; other forms get a plain notice.");
        http.get(path + "?lang=nl");
        var history = detail.select("tr.history-entry");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).text()).contains("2", coordinator.username(), "Land van vestiging",
                "Zeer groot onlineplatform (VLOP)", "E-mail voor meldingen").doesNotContain("Naam");
        assertThat(history.get(1).text()).contains("1", coordinator.username(), "eerste versie");

        Document first = http.get(path + "/versions/1").document();
        assertThat(first.text()).contains("Dit is een eerdere versie", "abuse@" + key + ".example");
        assertThat(first.select("dd").eachText()).contains("DE");

        assertThat(directory.find(id)).get().satisfies(o -> {
            assertThat(o.country()).isEqualTo("NL");
            assertThat(o.vlop()).isTrue();
            assertThat(o.noticeXarf()).isTrue();
            assertThat(o.version()).isEqualTo(2);
        });
        assertThat(directory.findByDomain("www.abuse." + key + ".example")).get().extracting(Organisation::id).isEqualTo(id);
        assertThat(audit.entriesFor("organisation", id.toString())).extracting(e -> e.action() + " " + e.actor())
                .containsExactly("organisation.created " + coordinator.username(),
                        "organisation.changed " + coordinator.username());
    }

    @Test
    void invalidInputIsShownNextToTheFieldAndNothingIsSaved() {
        TestStaff.Account coordinator = new TestStaff(jdbc).create(StaffRole.COORDINATOR);
        StaffHttp http = new StaffHttp(port);
        http.signIn(coordinator);
        Organisation snapchat = directory.findByKey("snapchat").orElseThrow();

        http.get("/staff/directory/" + snapchat.id() + "/edit");
        Map<String, String> bad = form("ignored", "Snapchat", "platform", "Nederland", "not-an-address");
        bad.put("domains", "https://snapchat.com");
        bad.put("sourceNotes", "yesterday | someone | something");
        bad.put("version", String.valueOf(snapchat.version()));
        StaffHttp.Page page = http.postForm("/staff/directory/" + snapchat.id(), bad);

        assertThat(page.status()).isEqualTo(200);
        Document document = page.document();
        assertThat(document.selectFirst("#country-error").text()).contains("landcode");
        assertThat(document.selectFirst("#country").attr("aria-describedby")).contains("country-error");
        assertThat(document.selectFirst("#noticeEmail-error").text()).contains("e-mailadres");
        assertThat(document.selectFirst("#domains-error").text()).contains("zonder https://");
        assertThat(document.selectFirst("#sourceNotes-error").text()).contains("datum");
        assertThat(directory.findByKey("snapchat")).get().extracting(Organisation::version, Organisation::country)
                .containsExactly(snapchat.version(), "NL");
    }

    @Test
    void aSaveBasedOnAnOutdatedVersionIsRefused() {
        TestStaff.Account coordinator = new TestStaff(jdbc).create(StaffRole.COORDINATOR);
        StaffHttp http = new StaffHttp(port);
        http.signIn(coordinator);
        String key = "site-" + UUID.randomUUID().toString().substring(0, 8);
        http.get("/staff/directory/new");
        String path = http.postForm("/staff/directory", form(key, "Site " + key, "site_owner", "NL", ""))
                .location().replaceFirst("^https?://[^/]+", "");
        http.get(path + "/edit");
        Map<String, String> first = form(key, "Site " + key, "site_owner", "BE", "");
        first.put("version", "1");
        http.postForm(path, first);

        http.get(path + "/edit");
        Map<String, String> stale = form(key, "Site " + key, "site_owner", "FR", "");
        stale.put("version", "1");
        StaffHttp.Page page = http.postForm(path, stale);

        assertThat(page.document().selectFirst(".error-summary").text()).contains("intussen gewijzigd");
        assertThat(jdbc.sql("select country from directory_organisation where key = ?").param(key)
                .query(String.class).single()).isEqualTo("BE");
    }

    @Test
    void analystsReadTheDirectoryButCannotChangeIt() {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp http = new StaffHttp(port);
        http.signIn(analyst);
        Organisation instagram = directory.findByDomain("instagram.com").orElseThrow();

        Document list = http.get("/staff/directory?q=instagram.com").document();
        assertThat(list.select("tbody tr")).hasSize(1);
        assertThat(list.selectFirst("tbody tr").text()).contains("Instagram", "VLOP", "trusted flagger");
        assertThat(list.select("a[href=/staff/directory/new]")).isEmpty();
        assertThat(http.get("/staff/directory/" + instagram.id()).document().text())
                .contains("Meta Platforms Ireland Limited");
        assertThat(http.get("/staff/directory/" + instagram.id() + "/edit").status()).isEqualTo(403);
    }

    @Test
    void theSeedFindsPlatformsByNameAliasAndDomain() {
        assertThat(directory.findByName("twitter")).get().extracting(Organisation::key).isEqualTo("x");
        assertThat(directory.findByName("Snap")).get().extracting(Organisation::country).isEqualTo("NL");
        assertThat(directory.findByDomain("https://m.facebook.com/some/post")).get().extracting(Organisation::name)
                .isEqualTo("Facebook");
        assertThat(directory.findByDomain("t.me")).get().extracting(Organisation::name).isEqualTo("Telegram");
        assertThat(directory.findByDomain("example.org")).isEmpty();
        assertThat(directory.findByKey("centrum-seksueel-geweld")).get().extracting(Organisation::phone)
                .isEqualTo("0800-0188");
    }

    private static Map<String, String> form(String key, String name, String kind, String country, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("name", name);
        form.put("kind", kind);
        form.put("country", country);
        form.put("noticeEmail", email);
        form.put("languages", "nl, en");
        form.put("domains", key + ".example");
        form.put("sourceNotes", "2026-11-20 | test | Entered by a test.");
        form.put("version", "0");
        return form;
    }
}
