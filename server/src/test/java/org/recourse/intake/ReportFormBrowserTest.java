package org.recourse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.recourse.RecourseTest;
import org.recourse.support.Browsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium, someone who uses only the keyboard fills in the Dutch report form and
 * submits it: every field is reachable with Tab, the focused field is visibly marked, and the
 * case number appears.
 */
@RecourseTest
class ReportFormBrowserTest {

    @LocalServerPort
    int port;

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
    void theDutchFormCanBeFilledInAndSentWithTheKeyboardOnly() {
        browser.get("http://localhost:" + port + "/melden");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Doe een melding");

        tabTo("reporterType-self");
        assertThat(focused().getCssValue("outline-style")).isNotEqualTo("none");
        keys(Keys.SPACE);
        tabTo("form-deepfake");
        keys(Keys.SPACE);
        tabTo("urls");
        keys("https://keyboard.example/" + UUID.randomUUID());
        tabTo("minor-yes");
        keys(Keys.ARROW_DOWN);
        assertThat(focused().getAttribute("id")).isEqualTo("minor-no");
        tabTo("submit-report");
        keys(Keys.ENTER);

        // The form page has an h1 too: wait for the confirmation page's.
        assertThat(Browsers.awaitText(browser, By.tagName("h1"), "Je melding is ontvangen")).isEqualTo("Je melding is ontvangen");
        assertThat(browser.findElement(By.id("case-number")).getText()).matches("RC-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.findElement(By.id("secret")).getText()).isNotBlank();
        assertThat(browser.getCurrentUrl()).as("post/redirect/get: a reload shows the confirmation, not a resend").endsWith("/melden/ontvangen");
        assertThat(browser.findElements(By.id("child-route"))).isEmpty();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Presses Tab until the element with this id has the focus, as a keyboard user would. */
    private void tabTo(String id) {
        for (int i = 0; i < 120; i++) {
            if (id.equals(focused().getAttribute("id"))) {
                return;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }
}
