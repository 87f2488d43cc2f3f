package org.recourse.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
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
 * The annual reports on a known year (2018, which no other test uses). Notices: "gamma-2018" 22
 * (12 removed, 10 never answered, all deepfakes), "delta-2018" 3 refused (hate speech),
 * "epsilon-2018" 2 restricted (cyberstalking); 25 cases in 2018 and 12 in 2017. Published, with
 * the threshold of 10: gamma named with 22, the two small platforms not named, 12 removed and 10
 * without response shown, refused and restricted hidden; cases 25 against 12 the year before (+108 %).
 */
@RecourseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportsTest {

    static final Instant MARCH_2018 = Instant.parse("2018-03-14T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    void year() {
        StatisticsFixtures f = new StatisticsFixtures(jdbc, events, transactions);
        f.cases(25, new StatisticsFixtures.CaseFacts(MARCH_2018, "web_form", "deepfake", "woman", "18_24", "ex_partner", "no", "Utrecht"));
        f.cases(12, new StatisticsFixtures.CaseFacts(Instant.parse("2017-05-02T09:00:00Z"), "web_form", "deepfake", "woman", "18_24",
                "ex_partner", "no", "Utrecht"));
        for (int i = 0; i < 12; i++) {
            f.notice("gamma-2018", "deepfake", MARCH_2018, Duration.ofHours(1), ProviderDecision.REMOVED, Duration.ofHours(5), null);
        }
        for (int i = 0; i < 10; i++) {
            f.notice("gamma-2018", "deepfake", MARCH_2018, null, null, null, null);
        }
        for (int i = 0; i < 3; i++) {
            f.notice("delta-2018", "hate_speech", MARCH_2018, Duration.ofHours(2), ProviderDecision.REFUSED, Duration.ofHours(3), null);
        }
        for (int i = 0; i < 2; i++) {
            f.notice("epsilon-2018", "cyberstalking", MARCH_2018, Duration.ofHours(2), ProviderDecision.RESTRICTED, Duration.ofHours(3), null);
        }
    }

    StaffHttp coordinator() {
        StaffHttp http = new StaffHttp(port);
        http.get("/staff");
        http.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        return http;
    }

    @Test
    void theTrustedFlaggerReportCountsNoticesByProviderContentAndActionAsPublished() throws Exception {
        StaffHttp coordinator = coordinator();
        Document page = coordinator.get("/staff/statistics/annual-reports/dsa-22/2018").document();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Verslag als betrouwbare flagger 2018 (DSA art. 22(3))");
        assertThat(rows(page, "notices-by-platform")).containsExactly("gamma-2018=22");
        assertThat(page.select("#notices-by-platform tfoot .value").text()).isEqualTo("27");
        assertThat(rows(page, "notices-by-action_taken")).contains("Verwijderd=12", "Geen reactie=10", "Geweigerd=<10", "Beperkt=<10");
        assertThat(rows(page, "notices-by-dsa_category")).contains("STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN=22",
                "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH=<10", "STATEMENT_CATEGORY_CYBER_VIOLENCE=<10");
        assertThat(page.getElementById("publication-state").text()).isEqualTo("Concept: nog niet gepubliceerd.");

        Document refused = coordinator.postForm("/staff/statistics/annual-reports/dsa-22/2018/publish", Map.of()).redirectsTo(
                "/staff/statistics/annual-reports/dsa-22/2018") ? coordinator.get("/staff/statistics/annual-reports/dsa-22/2018").document() : null;
        assertThat(refused).isNotNull();
        assertThat(refused.getElementById("annual-refused").text()).as("the independence statement is required")
                .contains("een verplichte tekst is leeg");

        coordinator.postForm("/staff/statistics/annual-reports/dsa-22/2018", Map.of("nl-independence", "Wij\u0000 beslissen",
                "en-independence", "We decide.", "nl-introduction", "", "en-introduction", ""));
        Document cleaned = coordinator.get("/staff/statistics/annual-reports/dsa-22/2018").document();
        assertThat(cleaned.getElementById("nl-independence-error").text()).startsWith("Hier stonden tekens die niet in tekst horen");
        assertThat(cleaned.getElementById("nl-independence").text()).as("shown back without the NUL, not saved").isEqualTo("Wij beslissen");
        assertThat(cleaned.getElementById("annual-done")).isNull();

        String tooLong = "x".repeat(10_001);
        coordinator.postForm("/staff/statistics/annual-reports/dsa-22/2018", Map.of("nl-independence", tooLong,
                "en-independence", "We decide alone.", "nl-introduction", "Inleiding", "en-introduction", "Introduction"));
        Document tooLongPage = coordinator.get("/staff/statistics/annual-reports/dsa-22/2018").document();
        assertThat(tooLongPage.getElementById("nl-independence-error").text()).isEqualTo("Deze tekst is te lang: hoogstens 10.000 tekens.");
        assertThat(tooLongPage.getElementById("nl-independence").text()).as("what was typed is kept").hasSize(10_001);

        coordinator.postForm("/staff/statistics/annual-reports/dsa-22/2018", Map.of(
                "nl-independence", "Wij beslissen zelf welke meldingen wij doen.\n\nGeen platform financiert ons. =SUM(A1)",
                "en-independence", "We alone decide which notices we send.\n\nNo platform funds us.",
                "nl-introduction", "<script>alert(1)</script> Ons verslag.", "en-introduction", "Our report."));
        assertThat(coordinator.get("/staff/statistics/annual-reports/dsa-22/2018").document().getElementById("annual-done").text())
                .isEqualTo("De teksten zijn opgeslagen.");

        HttpResponse<byte[]> draftCsv = coordinator.download("/staff/statistics/annual-reports/dsa-22/2018/draft/en.csv");
        String csv = new String(draftCsv.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"year\";\"measure\";\"breakdown\";\"category\";\"value\"")
                .contains("\"2018\";\"Notices\";\"Platform or hoster\";\"gamma-2018\";\"22\"")
                .contains("\"2018\";\"Notices\";\"Action taken\";\"Refused\";\"<10\"")
                .doesNotContain("delta-2018").doesNotContain("epsilon-2018");

        Document published = publish(coordinator, "dsa-22");
        assertThat(published.getElementById("annual-done").text()).isEqualTo("Het verslag is gepubliceerd, in het Nederlands en het Engels.");
        Document again = publish(coordinator, "dsa-22");
        assertThat(again.getElementById("annual-done").text()).as("a double submit changes nothing")
                .isEqualTo("Er is niets veranderd sinds de publicatie; het gepubliceerde verslag blijft zoals het was.");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'statistics.annual-report-published' and object_id = 'dsa-22/2018'")
                .query(Long.class).single()).isEqualTo(1L);

        StaffHttp anyone = new StaffHttp(port);
        Document list = anyone.get("/transparantie/jaarverslagen").document();
        assertThat(list.select("#publications li").eachText()).anyMatch(t -> t.startsWith("Verslag als betrouwbare flagger 2018"));
        HttpResponse<byte[]> pdf = anyone.download("/transparantie/jaarverslagen/dsa-22-2018-nl.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Hoe wij onafhankelijk blijven", "Wij beslissen zelf welke meldingen wij doen.",
                    "<script>alert(1)</script> Ons verslag.", "gamma-2018", "Verwijderd", "<10")
                    .doesNotContain("delta-2018").doesNotContain("epsilon-2018");
        }
        HttpResponse<byte[]> publicCsv = anyone.download("/transparency/annual-reports/dsa-22-2018-nl.csv");
        assertThat(new String(publicCsv.body(), StandardCharsets.UTF_8)).contains("\"jaar\";\"maat\"");
        assertThat(anyone.download("/transparantie/jaarverslagen/dsa-22-2017-nl.pdf").statusCode()).as("never published").isEqualTo(404);
        assertThat(anyone.download("/transparantie/jaarverslagen/..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);
        assertThat(anyone.download("/transparantie/jaarverslagen/dsa-22-2018-nl.exe").statusCode()).isEqualTo(404);

        coordinator.postForm("/staff/statistics/annual-reports/dsa-22/2018", Map.of(
                "nl-independence", "Wij beslissen zelf.", "en-independence", "We decide.", "nl-introduction", "", "en-introduction", ""));
        assertThat(coordinator.get("/staff/statistics/annual-reports/dsa-22/2018").document().getElementById("changed-since"))
                .as("the coordinator sees the published version is behind").isNotNull();
        assertThat(publish(coordinator, "dsa-22").getElementById("annual-done").text()).contains("opnieuw gepubliceerd");
    }

    @Test
    void theHotlinesReportComparesWithTheYearBeforeAndMatchesTheWorkbench() throws Exception {
        StaffHttp coordinator = coordinator();
        Document page = coordinator.get("/staff/statistics/annual-reports/hotline/2018?lang=en").document();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Annual report 2018");
        assertThat(page.getElementById("key-cases").parent().select("td").eachText()).containsExactly("25", "12", "+108 %");
        String workbench = coordinator.get("/staff/statistics?period=2018").document().getElementById("key-cases").text();
        assertThat(page.getElementById("key-cases").text()).as("the same measure, the same code: the workbench's figure").isEqualTo(workbench);
        assertThat(page.getElementById("cases-by-form")).isNotNull();
        assertThat(page.select("#cases-by-form svg[role=img]")).as("a chart with the table").hasSize(1);

        HttpResponse<byte[]> pdf = coordinator.download("/staff/statistics/annual-reports/hotline/2018/draft/en.pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Annual report 2018", "Key figures", "+108 %", "Cases");
        }

        Document current = coordinator.get("/staff/statistics/annual-reports/hotline/" + java.time.Year.now().getValue()).document();
        assertThat(current.getElementById("not-over")).isNotNull();
        int thisYear = java.time.Year.now().getValue();
        coordinator.postForm("/staff/statistics/annual-reports/hotline/" + thisYear,
                Map.of("nl-introduction", "Inleiding", "en-introduction", "Introduction", "nl-outlook", "", "en-outlook", ""));
        assertThat(coordinator.get("/staff/statistics/annual-reports/hotline/" + thisYear).document().getElementById("annual-done")).isNotNull();
        Document refused = publish(coordinator, "hotline", java.time.Year.now().getValue());
        assertThat(refused.getElementById("annual-refused").text()).contains("once the year is over");

        assertThat(coordinator.get("/staff/statistics/annual-reports/nonsense/2018").status()).isEqualTo(404);
        assertThat(coordinator.get("/staff/statistics/annual-reports/hotline/18").status()).isEqualTo(404);
        assertThat(coordinator.download("/staff/statistics/annual-reports/hotline/2018/draft/de.pdf").statusCode()).isEqualTo(404);
    }

    private Document publish(StaffHttp coordinator, String kind) {
        return publish(coordinator, kind, 2018);
    }

    private Document publish(StaffHttp coordinator, String kind, int year) {
        StaffHttp.Page answer = coordinator.postForm("/staff/statistics/annual-reports/" + kind + "/" + year + "/publish", Map.of());
        assertThat(answer.redirectsTo("/staff/statistics/annual-reports/" + kind + "/" + year)).isTrue();
        return coordinator.get("/staff/statistics/annual-reports/" + kind + "/" + year).document();
    }

    private static List<String> rows(Document doc, String id) {
        return doc.select("#" + id + " tbody tr").stream()
                .map(r -> r.selectFirst("th").text() + "=" + r.selectFirst(".value").text()).toList();
    }
}
