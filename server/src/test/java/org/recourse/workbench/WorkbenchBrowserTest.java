package org.recourse.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.platform.CliCommand;
import org.recourse.support.Browsers;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium at 1280 pixels wide: an analyst opens a stage of the menu, finds a case by a piece of
 * its address in the search box every page has, and opens its one page. axe-core finds no serious
 * or critical accessibility problem on the dashboard (menu open), the results or the case page,
 * and none of them, nor the main work lists, scrolls sideways.
 */
@RecourseTest
class WorkbenchBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired List<CliCommand> commands;

    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browsers.headlessChromium();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void anAnalystFindsACaseFromTheMenuBarAndReadsItsOnePage() {
        WorkbenchFixtures fixtures = new WorkbenchFixtures(port, jdbc, commands);
        String id = UUID.randomUUID().toString().replace("-", "");
        String url = "https://www.browse-" + id.substring(0, 8) + ".example/albums/2026/" + id + "/"
                + "a-very-long-path-segment-that-must-wrap-inside-its-cell-instead-of-widening-the-page-" + id + "?ref=share";
        WorkbenchFixtures.Reported reported = fixtures.report(url, "Instagram", "@browse_" + id.substring(0, 8),
                "Een lange toelichting zonder spaties: " + "x".repeat(180));
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        Browsers.signIn(browser, port, analyst);
        assertThat(browser.manage().window().getSize().getWidth()).isEqualTo(1280);

        WebElement assessment = browser.findElement(By.cssSelector("details[data-stage=ASSESSMENT] summary"));
        assessment.click();
        assertThat(browser.findElement(By.cssSelector("details[data-stage=ASSESSMENT] a[href='/staff/queue']")).isDisplayed()).isTrue();
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("dashboard with the menu open").isEmpty();
        assertThat(Browsers.horizontalOverflow(browser)).as("dashboard").isEmpty();
        browser.findElement(By.cssSelector("details[data-stage=INTAKE] summary")).click();
        assertThat(browser.findElement(By.cssSelector("details[data-stage=ASSESSMENT]")).getAttribute("open"))
                .as("opening one stage closes the other").isNull();
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);

        WebElement search = browser.findElement(By.id("site-search-q"));
        search.sendKeys(id.substring(0, 12), Keys.ENTER);
        Browsers.awaitText(browser, By.tagName("h1"), "Zaken zoeken");
        assertThat(browser.findElement(By.id("results")).getText()).contains(reported.caseNumber());
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("search results").isEmpty();
        assertThat(Browsers.horizontalOverflow(browser)).as("search results").isEmpty();

        browser.findElement(By.linkText(reported.caseNumber())).click();
        Browsers.awaitText(browser, By.id("case-number"), reported.caseNumber());
        assertThat(browser.findElement(By.id("items")).getText()).contains("a-very-long-path-segment");
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("case page").isEmpty();
        assertThat(Browsers.horizontalOverflow(browser)).as("case page").isEmpty();

        for (String list : List.of("/staff/intake", "/staff/queue", "/staff/decisions", "/staff/takedown")) {
            browser.get(base() + list);
            assertThat(Browsers.horizontalOverflow(browser)).as(list).isEmpty();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
