package org.recourse.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.recourse.accounts.StaffRole;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.support.Browsers;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;

/**
 * In Chromium: an analyst drafts a request from the candidates page and sees its preview; after a
 * colleague approved it and recorded its web-form filing, the ACM's liaison opens it in the
 * portal and answers. axe-core finds no serious or critical problem on these pages, and the
 * tables fit 1280 px.
 */
class EscalationBrowserTest extends EscalationIntegrationTest {

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
    void draftPreviewAndTheLiaisonAnswersInThePortal() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = disputedRefusal(site);
            String authority = "acm"; // proposed by routing for a platform established in the Netherlands
            TestStaff staff = new TestStaff(jdbc);

            Browsers.signIn(browser, port, staff.create(StaffRole.ANALYST));
            browser.get("http://localhost:" + port + "/staff/escalation");
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("candidates with draft forms").isEmpty();
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                    browser.findElement(By.id("draft-authority-" + disputed.platform())), authority);
            browser.findElement(By.cssSelector("#draft-" + disputed.platform() + " button[type=submit]")).click();
            String reference = Browsers.awaitText(browser, By.tagName("h1"), "ER-").replaceAll(".*(ER-[2-9A-Z]{8}).*", "$1");
            assertThat(browser.findElement(By.id("letter-body")).getText()).contains(disputed.item().url());
            assertThat(browser.findElements(By.id("approve"))).as("not by the drafter").isEmpty();
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("request page with preview").isEmpty();
            assertThat(Browsers.horizontalOverflow(browser)).as("request page at 1280 px").isEmpty();

            StaffHttp colleague = new StaffHttp(port);
            colleague.get("/report");
            colleague.signIn(staff.create(StaffRole.COORDINATOR));
            String path = "/staff/escalation/requests/" + reference;
            colleague.postForm(path + "/approve", Map.of());
            colleague.postForm(path + "/web-form", Map.of("authorityReference", "FORM-9"));

            browser.manage().deleteAllCookies();
            Browsers.signIn(browser, port, staff.create(authority, StaffRole.LIAISON));
            browser.get("http://localhost:" + port + "/liaison/escalation");
            assertThat(browser.findElement(By.id("requests")).getText()).contains(reference);
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("liaison list").isEmpty();
            browser.findElement(By.linkText(reference)).click();
            Browsers.awaitText(browser, By.tagName("h1"), reference);
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("liaison request page").isEmpty();
            browser.findElement(By.id("answer-acknowledged")).click();
            browser.findElement(By.id("answer-reference")).sendKeys("REG-42");
            browser.findElement(By.id("send-answer")).click();
            Browsers.awaitText(browser, By.id("request-notice"), "");
            assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("ontvangen door de instantie");
            assertThat(colleague.get(path).document().getElementById("request-state").text()).isEqualTo("acknowledged by the authority");
            assertThat(browser.findElement(By.id("request-authority-reference")).getText()).isEqualTo("REG-42");
        }
    }
}
