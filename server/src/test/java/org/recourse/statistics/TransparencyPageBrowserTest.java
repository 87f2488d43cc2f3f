package org.recourse.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.recourse.RecourseTest;
import org.recourse.support.Browsers;
import org.recourse.takedown.ProviderDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public transparency page in Debian's Chromium with JavaScript switched off: the quarter's
 * protected figures, charts drawn as SVG with the table beside them, a platform with few notices not
 * named, and nothing loaded from anywhere else.
 */
@RecourseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyPageBrowserTest {

    static final Instant FEBRUARY_2019 = Instant.parse("2019-02-12T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    WebDriver browser;

    @BeforeAll
    void data() {
        StatisticsFixtures f = new StatisticsFixtures(jdbc, events, transactions);
        f.cases(21, new StatisticsFixtures.CaseFacts(FEBRUARY_2019, "web_form", "deepfake", "woman", "18_24", "ex_partner",
                "no", "Leiden"));
        f.cases(3, new StatisticsFixtures.CaseFacts(FEBRUARY_2019, "chat", "sextortion", "man", "12_15", "stranger",
                "no", "Leiden"));
        f.cases(15, new StatisticsFixtures.CaseFacts(FEBRUARY_2019, "web_form", "doxing", "woman", "25_34", "acquaintance",
                "yes", "Delft"));
        for (int i = 0; i < 12; i++) {
            f.notice("videoplatform-2019", "deepfake", FEBRUARY_2019, Duration.ofHours(3), ProviderDecision.REMOVED,
                    Duration.ofHours(5 + i), null);
        }
        for (int i = 0; i < 10; i++) {
            f.notice("photoshare-2019", "doxing", FEBRUARY_2019, null, null, null, null);
        }
        for (int i = 0; i < 3; i++) {
            f.notice("tinyforum-2019", "deepfake", FEBRUARY_2019, null, null, null, null);
        }
        browser = Browsers.headlessChromiumWithoutJavaScript();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aQuartersProtectedFiguresWithoutJavaScript() {
        browser.get("http://localhost:" + port + "/transparantie?quarter=2019-Q1");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Transparantie");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Kwartaal 2019-Q1");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE)
                .sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        assertThat(browser.findElements(By.tagName("h1"))).as("the page's own script (Escape twice empties it) did not run")
                .hasSize(1);

        assertThat(rows("cases-by-form")).as("15 would give the 3 away, 21 may stand")
                .containsExactly("deepfake=21", "doxing=<10", "sextortion=<10");
        assertThat(browser.findElement(By.cssSelector("#cases-by-form tfoot .value")).getText()).isEqualTo("39");
        assertThat(rows("notices-by-platform")).as("10 would give the 3 away: neither is named")
                .containsExactly("videoplatform-2019=12");
        assertThat(browser.findElement(By.cssSelector("#notices-by-platform tfoot .value")).getText()).isEqualTo("25");
        assertThat(browser.getPageSource()).as("a platform with fewer than 10 notices is not named")
                .doesNotContain("tinyforum-2019").doesNotContain("photoshare-2019");
        assertThat(rows("hours_to_removal_median-by-platform")).containsExactly("videoplatform-2019=10.5");

        WebElement chart = browser.findElement(By.cssSelector("svg#chart-cases-by-form"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(browser.findElement(By.cssSelector("#chart-cases-by-form-title")).getAttribute("textContent"))
                .contains("Zaken");
        assertThat(browser.findElement(By.id("method")).getText()).contains("kleiner dan 10 staan als <10");

        List<String> external = browser.findElements(By.cssSelector("script[src], link[href], img[src], iframe"))
                .stream().map(e -> e.getAttribute("src") != null ? e.getAttribute("src") : e.getAttribute("href"))
                .filter(url -> !url.startsWith("http://localhost:" + port + "/")).toList();
        assertThat(external).as("nothing from elsewhere").isEmpty();

        browser.get("http://localhost:" + port + "/transparency?quarter=2019-Q1&lang=en");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Quarter 2019-Q1");
    }

    @Test
    void theChartsAndTablesPassAnAccessibilityCheck() {
        WebDriver withScript = Browsers.headlessChromium();
        try {
            withScript.get("http://localhost:" + port + "/transparantie?quarter=2019-Q1&lang=nl");
            assertThat(Browsers.seriousAccessibilityViolations(withScript)).isEmpty();
            assertThat(Browsers.horizontalOverflow(withScript)).isEmpty();
        } finally {
            withScript.quit();
        }
    }

    @Test
    void aQuarterNotYetOverIsNotShown() {
        browser.get("http://localhost:" + port + "/transparantie?quarter=2099-Q1&lang=nl");
        assertThat(browser.findElement(By.id("quarter-error")).getText()).contains("nog niet voorbij");
    }

    private List<String> rows(String id) {
        return browser.findElements(By.cssSelector("#" + id + " tbody tr")).stream()
                .map(r -> r.findElement(By.tagName("th")).getText() + "=" + r.findElement(By.cssSelector(".value")).getText())
                .toList();
    }
}
