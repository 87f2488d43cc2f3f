package org.recourse.evidence.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.support.Eventually;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.Browsers;
import org.recourse.support.TestCases;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: an analyst adds a picture to a case through the page's upload script,
 * sees it blurred and grey, reveals it with a deliberate click, and checks a file on the
 * verification page.
 */
@RecourseTest
class EvidenceBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;
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
    void anAnalystUploadsAPictureSeesItBlurredAndRevealsIt() throws IOException {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        Browsers.signIn(browser, port, analyst);
        Path picture = dir.resolve("screenshot.png");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", picture.toFile());
        TestCases.Created kase = new TestCases(jdbc).create();

        browser.get(url("/staff/evidence/cases/" + kase.id()));
        assertThat(browser.getCurrentUrl()).endsWith("/staff/cases/" + kase.caseNumber() + "#evidence");
        browser.findElement(By.id("file")).sendKeys(picture.toString());
        browser.findElement(By.cssSelector("#evidence-upload button[type=submit]")).click();
        WebElement link = until(Duration.ofSeconds(20),
                d -> d.findElements(By.cssSelector("#evidence-objects a[href^='/staff/evidence/objects/']")).stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.id("evidence-objects")).getText()).contains("screenshot.png", "image/png");
        WebElement thumbnail = browser.findElement(By.cssSelector("#thumbnails figure.evidence-media img"));
        assertThat(filter(thumbnail)).contains("blur", "grayscale");

        link.click();
        WebElement img = browser.findElement(By.cssSelector("figure.evidence-media img"));
        assertThat(filter(img)).contains("blur", "grayscale");
        until(Duration.ofSeconds(10), d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth === 64 || null", img));

        browser.findElement(By.cssSelector("main form[action$='/reveal'] button")).click();
        WebElement revealed = browser.findElement(By.cssSelector("figure.evidence-media.revealed img"));
        assertThat(filter(revealed)).isEqualTo("none");
        assertThat(browser.findElement(By.id("custody")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).contains("evidence.revealed");
    }

    @Test
    void theVerificationPageSaysWhenAFileIsNotAPackage() throws IOException {
        Browsers.signIn(browser, port, new TestStaff(jdbc).create(StaffRole.LIAISON));
        Path notAPackage = dir.resolve("photo.zip");
        Files.writeString(notAPackage, "this is not a zip");

        browser.get(url("/staff/evidence/verify"));
        browser.findElement(By.id("package")).sendKeys(notAPackage.toString());
        browser.findElement(By.cssSelector("#package-verify button[type=submit]")).click();

        WebElement result = until(Duration.ofSeconds(20),
                d -> d.findElements(By.cssSelector("#verify-result section.notice.danger")).stream().findFirst().orElse(null));
        assertThat(result.getText()).contains("Het pakket klopt niet", "geen leesbaar manifest.json");
    }

    /** Waits until {@code condition} gives a value (neither null nor false); the script works asynchronously. */
    private <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        return Eventually.awaitValue("the page on " + browser.getCurrentUrl(), timeout, () -> {
            T value = condition.apply(browser);
            return Boolean.FALSE.equals(value) ? null : value;
        });
    }

    private String filter(WebElement element) {
        return (String) ((JavascriptExecutor) browser).executeScript("return getComputedStyle(arguments[0]).filter", element);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
