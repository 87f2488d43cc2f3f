package org.recourse.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), started
 * without any network of its own beyond the test server. {@code .ci/run} installs both.
 */
public final class Browsers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    /**
     * Waits until the element shows the text: after a click or Enter the old page can still be
     * there for a moment, and an element read from it goes stale when the new page arrives.
     */
    public static String awaitText(WebDriver browser, org.openqa.selenium.By locator, String expected) {
        return Eventually.awaitValue(locator + " to show '" + expected + "' on " + browser.getCurrentUrl(), Duration.ofSeconds(15), () -> {
            try {
                String seen = browser.findElement(locator).getText();
                return seen.contains(expected) ? seen : null;
            } catch (org.openqa.selenium.WebDriverException navigating) {
                // The element went stale or away with the old page; Chromium also reports that
                // as "Node with given id does not belong to the document". Look again.
                return null;
            }
        });
    }

    /**
     * Runs axe-core (the accessibility rules, from its WebJar) on the page as it is now and returns
     * the serious and critical violations, each as "rule: help (elements)"; empty is good.
     */
    public static java.util.List<String> seriousAccessibilityViolations(WebDriver browser) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript(axeSource());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.id + ': ' + v.help + ' (' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ') + ')';
                    }));
                }, function (e) { done(['axe failed: ' + e]); });""");
        return ((java.util.List<?>) result).stream().map(String::valueOf).toList();
    }

    /**
     * What is wider than the window at its current size: the page itself, or a table's scroll box
     * ({@code .table-wrap}); each as a CSS-ish name with its overflow in pixels. Empty is good.
     */
    /** Every resource the page loaded from another origin than its own; empty is good (nothing tells another site about the visit). */
    public static java.util.List<String> resourcesFromOtherSites(WebDriver browser) {
        Object elsewhere = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                        + ".filter(function (n) { return n.indexOf(location.origin) !== 0; });");
        return ((java.util.List<?>) elsewhere).stream().map(String::valueOf).toList();
    }

    public static java.util.List<String> horizontalOverflow(WebDriver browser) {
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                var wide = [];
                var root = document.documentElement;
                if (root.scrollWidth > root.clientWidth) { wide.push('page: ' + (root.scrollWidth - root.clientWidth) + 'px'); }
                document.querySelectorAll('main .table-wrap, main table').forEach(function (box) {
                  if (box.scrollWidth > box.clientWidth + 1) {
                    wide.push((box.id || box.querySelector('table[id]') && box.querySelector('table[id]').id || box.className)
                      + ': ' + (box.scrollWidth - box.clientWidth) + 'px');
                  }
                });
                return wide;""");
        return ((java.util.List<?>) result).stream().map(String::valueOf).toList();
    }

    private static String axeSource() {
        try {
            org.springframework.core.io.Resource[] found = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js");
            if (found.length == 0) {
                throw new IllegalStateException("axe-core is a test dependency (org.webjars.npm:axe-core); it is not on the class path");
            }
            return found[0].getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A browser whose user reads Dutch, as most of the hotline's visitors do. */
    public static WebDriver headlessChromium() {
        return headlessChromium(true);
    }

    /** {@link #headlessChromium()} with JavaScript switched off, for pages that must work without it. */
    public static WebDriver headlessChromiumWithoutJavaScript() {
        return headlessChromium(false);
    }

    /** {@link #headlessChromium()} that records every request it sends (read them with {@link #requestsSent}). */
    public static WebDriver headlessChromiumWatchingNetwork() {
        return headlessChromium(true, true);
    }

    /** A request the browser sent: method, address and, for a body it sent, its size and text. */
    public record SentRequest(String method, String url, int bodyLength, String body) {
    }

    /** The requests sent since the last call (the performance log is read once), in order. */
    public static java.util.List<SentRequest> requestsSent(WebDriver browser) {
        java.util.List<SentRequest> sent = new java.util.ArrayList<>();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (org.openqa.selenium.logging.LogEntry entry : browser.manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE)) {
            tools.jackson.databind.JsonNode message = json.readTree(entry.getMessage()).path("message");
            if (!"Network.requestWillBeSent".equals(message.path("method").asString())) {
                continue;
            }
            tools.jackson.databind.JsonNode request = message.path("params").path("request");
            StringBuilder body = new StringBuilder(request.path("postData").asString(""));
            for (tools.jackson.databind.JsonNode part : request.path("postDataEntries")) {
                if (body.isEmpty() && part.has("bytes")) {
                    body.append(new String(java.util.Base64.getDecoder().decode(part.path("bytes").asString()),
                            java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            boolean hasBody = request.path("hasPostData").asBoolean(false) || !body.isEmpty();
            sent.add(new SentRequest(request.path("method").asString(), request.path("url").asString(),
                    hasBody && body.isEmpty() ? -1 : body.length(), body.toString()));
        }
        return sent;
    }

    private static WebDriver headlessChromium(boolean javaScript) {
        return headlessChromium(javaScript, false);
    }

    private static WebDriver headlessChromium(boolean javaScript, boolean watchNetwork) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does this)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,1000", "--lang=nl");
        options.setExperimentalOption("prefs", javaScript ? java.util.Map.of("intl.accept_languages", "nl")
                : java.util.Map.of("intl.accept_languages", "nl", "profile.managed_default_content_settings.javascript", 2));
        if (watchNetwork) {
            org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
            logging.enable(org.openqa.selenium.logging.LogType.PERFORMANCE, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            options.setExperimentalOption("perfLoggingPrefs", java.util.Map.of("enableNetwork", true, "enablePage", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Signs a staff member in with password and authenticator code, as a person types them, and waits for the dashboard. */
    public static void signIn(WebDriver browser, int port, TestStaff.Account account) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(account.username());
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(account.password(), org.openqa.selenium.Keys.ENTER);
        browser.findElement(org.openqa.selenium.By.id("code")).sendKeys(
                org.recourse.accounts.internal.Totp.currentCode(account.totpSecret(), java.time.Instant.now()),
                org.openqa.selenium.Keys.ENTER);
        awaitText(browser, org.openqa.selenium.By.tagName("h1"), account.username());
    }
}
