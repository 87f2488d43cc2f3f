package org.recourse.accounts;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.recourse.RecourseTest;
import org.recourse.accounts.internal.Totp;
import org.recourse.support.Browsers;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an administrator signs in, sets up the second factor, creates an analyst
 * and signs out; the analyst signs in with the one-time password, sets up a second factor and
 * chooses a password.
 */
@RecourseTest
class StaffJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void adminCreatesAnAnalystWhoSignsIn() {
        TestStaff.Account admin = new TestStaff(jdbc).createWithoutSecondFactor(StaffRole.ADMIN);

        signInAndEnrol(admin.username(), admin.password());
        Browsers.awaitText(browser, By.tagName("h1"), admin.username());

        browser.findElement(By.linkText("Accounts")).click();
        browser.findElement(By.linkText("Nieuw account")).click();
        String analyst = "browser" + System.nanoTime() % 100000;
        browser.findElement(By.id("username")).sendKeys(analyst);
        browser.findElement(By.id("displayName")).sendKeys("Anna Analist");
        browser.findElement(By.id("role-ANALYST")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browsers.awaitText(browser, By.tagName("h1"), "Eenmalig wachtwoord");
        String oneTimePassword = browser.findElement(By.id("one-time-password")).getText();
        assertThat(oneTimePassword).hasSize(23);
        browser.findElement(By.cssSelector(".sign-out button")).click();
        Browsers.awaitText(browser, By.cssSelector(".notice.success"), "Je bent afgemeld");

        signInAndEnrol(analyst, oneTimePassword);
        Browsers.awaitText(browser, By.tagName("h1"), "Nieuw wachtwoord kiezen");
        browser.findElement(By.id("current")).sendKeys(oneTimePassword);
        browser.findElement(By.id("password")).sendKeys("a sentence only anna knows");
        browser.findElement(By.id("repeat")).sendKeys("a sentence only anna knows");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        Browsers.awaitText(browser, By.tagName("h1"), "Welkom, " + analyst);
        assertThat(browser.findElements(By.linkText("Accounts"))).isEmpty();
    }

    private void signInAndEnrol(String username, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browsers.awaitText(browser, By.tagName("h1"), "Tweede factor instellen");
        String secret = browser.findElement(By.id("manual-key")).getText().replace(" ", "");
        assertThat(browser.findElement(By.cssSelector(".qr img")).getAttribute("src")).startsWith("data:image/png");
        browser.findElement(By.id("code")).sendKeys(Totp.currentCode(secret, Instant.now()));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    }
}
