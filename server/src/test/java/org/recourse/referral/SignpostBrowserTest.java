package org.recourse.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.recourse.RecourseTest;
import org.recourse.support.Browsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Debian Chromium, with and without JavaScript: the signpost answers plain questions, has a
 * quick exit, loads nothing from elsewhere, has no serious accessibility problems, and its button
 * opens the report form filled in with the answers — with nothing in the address bar.
 */
@RecourseTest
class SignpostBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void withJavaScript() {
        WebDriver browser = Browsers.headlessChromium();
        try {
            walkThrough(browser, true);
            assertThat(Browsers.resourcesFromOtherSites(browser)).as("resources from other sites").isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void withoutJavaScript() {
        WebDriver browser = Browsers.headlessChromiumWithoutJavaScript();
        try {
            // axe-core runs in the page and cannot finish there without JavaScript (its promises never
            // settle): the markup is the same, checked in the run with JavaScript.
            walkThrough(browser, false);
        } finally {
            browser.quit();
        }
    }

    private void walkThrough(WebDriver browser, boolean axe) {
        browser.get("http://localhost:" + port + "/wegwijzer");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Waar kun je terecht?");
        assertThat(browser.findElement(By.id("quick-exit")).getText()).isNotBlank();
        if (axe) {
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("the questions").isEmpty();
        }

        browser.findElement(By.id("sp-form-non_consensual_sharing")).click();
        browser.findElement(By.cssSelector("#sp-started option[value=last_7_days]")).click();
        browser.findElement(By.id("sp-minor-no")).click();
        browser.findElement(By.cssSelector("#sp-relationship option[value=ex_partner]")).click();
        browser.findElement(By.id("sp-platform")).sendKeys("Instagram");
        browser.findElement(By.id("sp-danger-no")).click();
        browser.findElement(By.id("signpost-submit")).click();

        assertThat(Browsers.awaitText(browser, By.id("advice-heading"), "Waar je terecht kunt")).isNotBlank();
        assertThat(browser.findElement(By.cssSelector("ol.signpost.help > li")).getText())
                .startsWith("Centrum Seksueel Geweld").contains("0800-0188");
        assertThat(browser.findElement(By.id("safe-emergency")).getText()).contains("112");
        assertThat(browser.getCurrentUrl()).as("no answers in the address bar").endsWith("/wegwijzer");
        if (axe) {
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("the advice").isEmpty();
        }

        browser.findElement(By.id("to-report")).click();
        assertThat(Browsers.awaitText(browser, By.tagName("h1"), "Doe een melding")).isEqualTo("Doe een melding");
        assertThat(browser.findElement(By.id("form-non_consensual_sharing")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("minor-no")).isSelected()).isTrue();
        assertThat(browser.getCurrentUrl()).as("no answers in the address bar").endsWith("/melden");
    }
}
