package org.recourse.workbench;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.recourse.accounts.StaffRole;
import org.recourse.support.Browsers;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.TakedownIntegrationTest;

/**
 * An analyst's day in Chromium, on the real application with a mail server that first refuses:
 * she finds a case by a piece of its address, opens its one page, assesses it; a coordinator
 * confirms; the take-down stalls for lack of a recipient and waits on her dashboard; she routes it
 * by hand, reads why the mail server refused the notice, resends once it accepts; the reporter's
 * status page follows each step. axe-core finds no serious or critical problem on the pages she
 * works on.
 */
class AnalystsDayBrowserTest extends TakedownIntegrationTest {

    static final String REFUSAL = "452 4.2.2 Mailbox full";

    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browsers.headlessChromium();
    }

    @AfterEach
    void close() {
        browser.quit();
        SMTP.accept();
    }

    @Test
    void searchAssessRouteByHandReadTheFailureResendAndTheReporterSeesItHappen() {
        String id = UUID.randomUUID().toString().replace("-", "");
        String host = "nowhere-" + id.substring(0, 8) + ".test";
        String url = "https://" + host + "/albums/" + id + "/photo-1.jpg";
        Reported reported = reportWithCredentials(url);
        assertThat(statusPage(reported).getElementById("current-status").text()).startsWith("Received");

        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account anna = staff.create(StaffRole.ANALYST);
        Browsers.signIn(browser, port, anna);

        // Morning: the case is found by a piece of its address, from the search box every page has.
        browser.findElement(By.id("site-search-q")).sendKeys(id.substring(4, 20), Keys.ENTER);
        Browsers.awaitText(browser, By.tagName("h1"), "Zaken zoeken");
        assertThat(browser.findElement(By.id("results")).getText()).contains(reported.caseNumber());
        browser.findElement(By.linkText(reported.caseNumber())).click();
        Browsers.awaitText(browser, By.id("case-number"), reported.caseNumber());
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("case page").isEmpty();

        // Assessing: from the case page to its queue entry, taken up and decided.
        WebElement entryLink = awaitElement(By.cssSelector("#assessment a[href^='/staff/assessments/']"));
        entryLink.click();
        Browsers.awaitText(browser, By.id("entry-url"), url);
        browser.findElement(By.id("start")).click();
        WebElement form = awaitElement(By.id("assessment-form"));
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("assessment form").isEmpty();
        form.findElement(By.id("status-ILLEGAL")).click();
        form.findElement(By.id("form-non_consensual_sharing")).click();
        form.findElement(By.id("ground-sr-139h")).click();
        form.findElement(By.id("substantiation")).sendKeys("Intieme foto zonder toestemming openbaar gemaakt.");
        answerEveryQuestion(form);
        form.findElement(By.id("outcome-take_down")).click();
        form.findElement(By.id("submit-assessment")).click();
        awaitElement(By.id("decided"));

        // A second person confirms (four eyes).
        StaffHttp bram = new StaffHttp(port);
        bram.signIn(staff.create(StaffRole.COORDINATOR));
        Document decisions = bram.get("/staff/decisions").document();
        String decision = decisions.select("button[id^=confirm-]").stream()
                .filter(b -> b.closest("tr").text().contains(reported.caseNumber())).findFirst().orElseThrow()
                .id().substring("confirm-".length());
        bram.postForm("/staff/decisions/" + decision + "/confirm", Map.of());
        assertThat(bram.get("/staff/decisions").document().select("#done").text()).contains("Bevestigd");

        // The take-down has nowhere to go: it waits on the dashboard with the reason and the action.
        clock.advance(Duration.ofMinutes(31));
        browser.get(base() + "/staff");
        WebElement stalled = awaitOnDashboard(reported.caseNumber());
        assertThat(stalled.findElement(By.className("reason")).getText())
                .isEqualTo("Geen ontvanger gevonden voor " + host + ": kies zelf een organisatie en kanaal uit het adresboek.");
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("dashboard with a stalled take-down").isEmpty();
        assertThat(statusPage(reported).getElementById("current-status").text())
                .startsWith("Decision taken, request being prepared");

        // Routed by hand to an organisation whose mail server is full.
        String address = "abuse-" + id.substring(0, 12) + "@hoster.test";
        String hoster = recipient("Handmatige Hoster", false, address, null, null, "nl");
        SMTP.refuse(REFUSAL);
        stalled.findElement(By.linkText("Zelf routeren")).click();
        Browsers.awaitText(browser, By.id("item-url"), url);
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("route by hand").isEmpty();
        browser.findElement(By.cssSelector("#organisation option[value='" + hoster + "']")).click();
        browser.findElement(By.id("channel-email")).click();
        browser.findElement(By.id("route-button")).click();
        Browsers.awaitText(browser, By.tagName("h1"), "TD-");
        String noticePage = browser.getCurrentUrl();

        await("the mail server's refusal is recorded", Duration.ofSeconds(30), () -> {
            browser.navigate().refresh();
            return browser.findElements(By.id("last-error")).stream().anyMatch(e -> e.getText().contains(REFUSAL));
        });
        assertThat(browser.findElement(By.id("notice-status")).getText()).isEqualTo("wacht op verzending");
        assertThat(browser.findElement(By.id("last-error")).getText()).contains("SMTP " + REFUSAL);
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as("notice that could not be sent").isEmpty();
        assertThat(mailCount(address)).isZero();

        // The server accepts again; she does not wait for the next retry.
        SMTP.accept();
        browser.findElement(By.id("resend")).click();
        await("the notice arrives", Duration.ofSeconds(30), () -> mailCount(address) == 1);
        await("the notice page says it was sent", Duration.ofSeconds(30), () -> {
            browser.get(noticePage);
            return browser.findElement(By.id("notice-status")).getText().equals("verstuurd");
        });
        planAndSendDue();
        assertThat(mailCount(address)).as("sent once").isEqualTo(1);

        // The reporter's page follows without internal details.
        String status = statusPage(reported).getElementById("current-status").text();
        assertThat(status).startsWith("Removal request sent").doesNotContain("TD-").doesNotContain(address);

        browser.get(base() + "/staff/cases/" + reported.caseNumber());
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Verwijderverzoek verstuurd");
    }

    private void answerEveryQuestion(WebElement form) {
        for (WebElement first : form.findElements(By.cssSelector(".question-set input[id$='-0']"))) {
            first.click();
        }
        for (WebElement select : form.findElements(By.cssSelector(".question-set select"))) {
            select.findElements(By.tagName("option")).get(1).click();
        }
        for (WebElement text : form.findElements(By.cssSelector(".question-set textarea"))) {
            text.sendKeys("beantwoord");
        }
    }

    /** Finds the case on the take-down part of the dashboard, paging on as an analyst would. */
    private WebElement awaitOnDashboard(String caseNumber) {
        By row = By.xpath("//table[@id='attention-list']//tr[td[@class='case-number'][normalize-space()='" + caseNumber + "']]");
        await("the stalled take-down is on the dashboard", Duration.ofSeconds(30), () -> {
            browser.get(base() + "/staff");
            browser.findElement(By.id("attention-area-takedown")).click();
            while (browser.findElements(row).isEmpty() && !browser.findElements(By.id("attention-next")).isEmpty()) {
                browser.findElement(By.id("attention-next")).click();
            }
            return !browser.findElements(row).isEmpty();
        });
        return browser.findElement(row);
    }

    private WebElement awaitElement(By locator) {
        await("the page shows " + locator, Duration.ofSeconds(30), () -> {
            if (browser.findElements(locator).isEmpty()) {
                browser.navigate().refresh();
                return false;
            }
            return true;
        });
        return browser.findElement(locator);
    }

    private long mailCount(String address) {
        return mailTo(address).size();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
