package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.accounts.internal.Totp;
import org.recourse.assessment.internal.assessing.Decisions;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.Cases;
import org.recourse.support.Browsers;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In headless Chromium, with the keyboard only: an analyst finds an urgent report at the top of
 * the queue, opens it, assesses it and decides to have it taken down; a second analyst confirms
 * the decision, which then takes effect.
 */
@RecourseTest
class AssessmentKeyboardBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;
    @Autowired Decisions decisions;
    @Autowired AuditTrail audit;

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
    void anAnalystWorksAnUrgentItemFromQueueToDecisionWithTheKeyboardAndAColleagueConfirmsIt() {
        AssessmentFixtures fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
        UUID entry = fixtures.report("non_consensual_sharing", List.of("https://www.instagram.com/p/" + UUID.randomUUID()),
                Map.of("started", "last_7_days")).entry();
        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account anna = staff.create(StaffRole.ANALYST);
        TestStaff.Account bram = staff.create(StaffRole.ANALYST);

        signIn(anna);
        browser.get(base() + "/staff/queue");
        WebElement row = browser.findElement(By.cssSelector("#queue tr[data-entry='" + entry + "']"));
        assertThat(row.findElement(By.cssSelector(".badge.urgent")).getText()).isEqualTo("Spoed");
        tabTo("open-" + entry);
        assertThat(focused().getCssValue("outline-style")).isNotEqualTo("none");
        keys(Keys.ENTER);

        Browsers.awaitText(browser, By.id("urgent"), "Centrum Seksueel Geweld");
        tabTo("start");
        keys(Keys.ENTER);

        tabTo("status-ILLEGAL");
        keys(Keys.ARROW_DOWN);
        assertThat(focused().getAttribute("id")).isEqualTo("status-UNLAWFUL");
        keys(Keys.ARROW_UP);
        assertThat(browser.findElement(By.id("status-ILLEGAL")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("form-non_consensual_sharing")).isSelected()).isTrue();
        tabTo("ground-sr-139h");
        keys(Keys.SPACE);
        tabTo("substantiation");
        String substantiation = "Naaktbeelden zonder toestemming online gezet (art. 139h Sr).";
        keys(substantiation);
        tabTo("q-7a000000-0000-4000-8000-000000000011-0");
        keys(Keys.SPACE);
        tabTo("outcome-take_down");
        keys(Keys.SPACE);
        tabTo("submit-assessment");
        keys(Keys.ENTER);

        Browsers.awaitText(browser, By.id("decided"), "wacht op bevestiging");
        assertThat(browser.findElement(By.id("assessed-substantiation")).getText()).isEqualTo(substantiation);
        UUID decision = decisions.forEntry(entry).getFirst().id();
        assertThat(browser.findElements(By.id("confirm-" + decision))).isEmpty();

        tabToMatching(e -> "button".equals(e.getTagName()) && e.findElements(By.xpath("ancestor::form[@class='sign-out']")).size() == 1);
        keys(Keys.ENTER);
        // Every page has a main element: wait for the signed-out page's, not the old page's.
        Browsers.awaitText(browser, By.cssSelector("main"), "Je bent afgemeld");
        signIn(bram);
        browser.get(base() + "/staff/decisions");
        tabTo("confirm-" + decision);
        keys(Keys.ENTER);

        assertThat(Browsers.awaitText(browser, By.id("done"), "Bevestigd")).startsWith("Bevestigd");
        browser.get(base() + "/staff/assessments/" + entry);
        assertThat(browser.findElement(By.id("entry-state")).getText()).isEqualTo("Besloten");
        assertThat(browser.findElement(By.cssSelector("tr[data-decision='" + decision + "'] .decision-state")).getText())
                .isEqualTo("Van kracht");
        assertThat(audit.entriesFor("assessment_decision", decision.toString())).extracting(AuditEntry::action)
                .containsExactly("assessment_decision.made", "assessment_decision.confirmed", "assessment_decision.took_effect");
    }

    private void signIn(TestStaff.Account account) {
        browser.get(base() + "/login");
        tabTo("username");
        keys(account.username());
        tabTo("password");
        keys(account.password(), Keys.ENTER);
        tabTo("code");
        keys(Totp.currentCode(account.totpSecret(), Instant.now()), Keys.ENTER);
        Browsers.awaitText(browser, By.tagName("h1"), account.username());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private void tabTo(String id) {
        tabToMatching(e -> id.equals(e.getAttribute("id")));
    }

    /** Presses Tab until the focused element matches, as a keyboard user would. */
    private void tabToMatching(Predicate<WebElement> wanted) {
        for (int i = 0; i < 300; i++) {
            try {
                if (wanted.test(focused())) {
                    return;
                }
            } catch (StaleElementReferenceException pageStillChanging) {
                // the element was on the page we just left; look again after the next key
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached the element on " + browser.getCurrentUrl());
    }
}
