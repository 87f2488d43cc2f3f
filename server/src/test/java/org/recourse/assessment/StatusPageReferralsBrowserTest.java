package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.recourse.RecourseTest;
import org.recourse.assessment.internal.referrals.ConsentHow;
import org.recourse.assessment.internal.referrals.HandOffChannel;
import org.recourse.assessment.internal.referrals.HandingOff;
import org.recourse.assessment.internal.referrals.SharedItem;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.support.Browsers;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Debian Chromium, with and without JavaScript: on her status page the reporter reads her
 * referral and what she agreed to share, withdraws her consent, and stops the e-mails about news —
 * each part without serious accessibility problems (axe-core) and nothing loaded from elsewhere.
 */
@RecourseTest
class StatusPageReferralsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cases cases;
    @Autowired
    HandingOff handingOff;

    record Credentials(String caseNumber, String secret) {
    }

    private Credentials referredCase() {
        String key = "browser-help-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into directory_organisation (id, key, name, kind, trusted_flagger, phone, languages, domains, version,
                            updated_at, updated_by)
                        values (?, ?, ?, 'help', false, '0900-0101', '{nl}'::text[], '{}'::text[], 1, now(), 'test')""")
                .params(UUID.randomUUID(), key, "Slachtofferhulp Test " + key).update();
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "deepfake")
                .and("urls", "https://browser-status.example/" + UUID.randomUUID())
                .and("contactEmail", "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test").and("contactConsent", "true")
                .post(http, "/report");
        String number = page.document().getElementById("case-number").text();
        String secret = page.document().getElementById("secret").text();
        UUID caseId = cases.findByNumber(number).orElseThrow().id();
        assertThat(handingOff.handOff(new HandingOff.Request(caseId, key, HandOffChannel.PHONE, EnumSet.of(SharedItem.CONTACT),
                ConsentHow.PHONE, "analyst-browser"))).isInstanceOf(HandingOff.Made.class);
        return new Credentials(number, secret);
    }

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
            // axe-core cannot finish without JavaScript; the markup is the same as in the run with it.
            walkThrough(browser, false);
        } finally {
            browser.quit();
        }
    }

    private void walkThrough(WebDriver browser, boolean axe) {
        Credentials credentials = referredCase();
        browser.get("http://localhost:" + port + "/status");
        browser.findElement(By.id("caseNumber")).sendKeys(credentials.caseNumber());
        browser.findElement(By.id("secret")).sendKeys(credentials.secret());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        Browsers.awaitText(browser, By.id("referrals-heading"), "Doorverwijzingen");
        assertThat(browser.findElement(By.id("referral-lines")).getText()).contains("Slachtofferhulp Test", "je contactgegevens",
                "doorgegeven; zij nemen contact met je op");
        assertThat(browser.findElement(By.id("status-updates")).getText()).contains("Je bent doorverwezen naar Slachtofferhulp Test");
        assertThat(browser.findElement(By.id("email-updates")).getText()).contains("Je krijgt een korte e-mail");
        if (axe) {
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("the status page with referrals").isEmpty();
        }

        browser.findElement(By.id("referral-withdraw-button")).click();
        assertThat(Browsers.awaitText(browser, By.id("status-message"), "Je toestemming is ingetrokken")).isNotBlank();
        assertThat(browser.findElement(By.id("referral-lines")).getText()).contains("nadat dit al was doorgegeven");
        assertThat(browser.findElements(By.id("referral-withdraw-button"))).isEmpty();

        // The digital-safety check: she answers one question and reads the advice for it.
        if (!browser.findElement(By.id("reporter-form")).isDisplayed()) {
            browser.findElement(By.cssSelector("#digital-safety details summary")).click();
        }
        browser.findElement(By.id("reporter-threat_to_spread-yes")).click();
        browser.findElement(By.id("reporter-button")).click();
        assertThat(Browsers.awaitText(browser, By.id("reporter-advice"), "Ga niet in op eisen")).isNotBlank();
        if (axe) {
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("the safety check's advice").isEmpty();
        }

        browser.findElement(By.id("email-updates-button")).click();
        assertThat(Browsers.awaitText(browser, By.id("status-message"), "Je krijgt geen e-mails meer over je melding.")).isNotBlank();
        assertThat(browser.findElement(By.id("email-updates")).getText()).contains("Je krijgt geen e-mails over je melding");
        if (axe) {
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("after withdrawing and stopping").isEmpty();
        }
    }
}
