package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.recourse.RecourseTest;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.PdqHasher;
import org.recourse.platform.CliCommand;
import org.recourse.support.Browsers;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A victim hashes three of her images in Debian's Chromium: the page computes PDQ and MD5 on her
 * device, nothing is sent until she keeps the hashes, and then only the hashes go (the network is
 * watched); the hashes are the pdq/ library's. A platform's key finds them, a random hash finds
 * nothing, and her withdrawal takes them out of the look-ups. Without JavaScript the page says
 * hashing needs it and offers the report form.
 */
@RecourseTest
class VictimHashingBrowserTest {

    static final Path CORPUS = Path.of("../pdq/src/test/resources/org/recourse/pdq/corpus/images");

    @LocalServerPort int port;
    @Autowired Cases cases;
    @Autowired List<CliCommand> commands;

    record Reported(UUID caseId, String caseNumber, String secret) {
    }

    private Reported report() {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        var doc = Forms.with("reporterType", "self").and("forms", "non_consensual_sharing").and("notOnline", "true")
                .and("minor", "no").post(http, "/melden").document();
        String number = doc.getElementById("case-number").text();
        return new Reported(cases.findByNumber(number).orElseThrow().id(), number, doc.getElementById("secret").text());
    }

    @Test
    void aVictimHashesThreeImagesOnHerDeviceAndOnlyTheHashesLeaveIt() throws Exception {
        Reported reported = report();
        List<Path> images = List.of(CORPUS.resolve("png/rgb-8.png"), CORPUS.resolve("jpeg/baseline-q90.jpg"),
                CORPUS.resolve("gif/palette-8.gif"));
        long smallestImage = images.stream().mapToLong(p -> p.toFile().length()).min().orElseThrow();
        WebDriver browser = Browsers.headlessChromiumWatchingNetwork();
        try {
            String base = "http://localhost:" + port;
            browser.get(base + "/status");
            browser.findElement(By.id("caseNumber")).sendKeys(reported.caseNumber());
            browser.findElement(By.id("secret")).sendKeys(reported.secret());
            browser.findElement(By.id("secret")).submit();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/status/case"));
            browser.findElement(By.id("hashing-link")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/hashen"));
            assertThat(browser.findElement(By.id("what-leaves")).getText()).contains("Je beelden blijven op je apparaat");
            assertThat(Browsers.seriousAccessibilityViolations(browser)).isEmpty();
            Browsers.requestsSent(browser);

            browser.findElement(By.id("images")).sendKeys(String.join("\n", images.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
            Browsers.awaitText(browser, By.id("hashing-status"), "Klaar. Er is niets verstuurd.");
            assertThat(Browsers.requestsSent(browser)).as("hashing sends nothing at all").isEmpty();

            List<WebElement> rows = browser.findElements(By.cssSelector("#hash-results tbody tr"));
            assertThat(rows).hasSize(3);
            PdqHasher library = new PdqHasher();
            for (int i = 0; i < 3; i++) {
                var expected = library.hash(images.get(i));
                Hash256 inBrowser = Hash256.fromHex(rows.get(i).getAttribute("data-pdq"));
                assertThat(inBrowser.distance(Hash256.fromHex(expected.pdq().hex()))).as("the browser's PDQ of %s is the library's", images.get(i)).isZero();
                assertThat(Integer.parseInt(rows.get(i).getAttribute("data-quality"))).isEqualTo(expected.quality());
                assertThat(rows.get(i).getAttribute("data-md5")).isEqualTo(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("MD5").digest(Files.readAllBytes(images.get(i)))));
            }

            String first = rows.getFirst().getAttribute("data-pdq");
            browser.findElement(By.id("send-hashes")).click();
            Browsers.awaitText(browser, By.id("hashing-outcome"), "De hashes van 3 beeld(en) zijn bewaard bij je melding.");
            List<Browsers.SentRequest> sent = Browsers.requestsSent(browser);
            List<Browsers.SentRequest> posts = sent.stream().filter(r -> !r.method().equals("GET")).toList();
            assertThat(posts).as("one form with the hashes, nothing else").singleElement().satisfies(post -> {
                assertThat(post.url()).isEqualTo(base + "/hashen");
                assertThat(post.bodyLength()).isBetween(1, 2000).isLessThan((int) smallestImage);
                assertThat(post.body()).matches("(_csrf=[^&]+&)?(pdq=[0-9a-f]{64}%3A[0-9]{1,3}&md5=[0-9a-f]{32}&?){3}(&?_csrf=[^&]+)?");
            });
            assertThat(sent).allSatisfy(r -> assertThat(r.url()).startsWith(base));

            MatchApi platform = new MatchApi(port, MatchApi.createKey(commands, "Platform " + UUID.randomUUID(), "match:lookup"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + first).body().get("matches")).isNotEmpty());
            assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + MatchApiTest.randomPdq()).body().get("matches")).isEmpty();

            browser.get(base + "/status/case");
            assertThat(browser.findElement(By.id("hashing-banked")).getText()).isEqualTo("Hashes bij je melding: 6.");

            browser.get(base + "/status/case/withdraw");
            browser.findElement(By.cssSelector("form[action$='/status/case/withdraw'] button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + first).body().get("matches")).isEmpty());
        } finally {
            browser.quit();
        }
    }

    @Test
    void withoutACaseSheHashesAndStartsOneWithOnlyTheHashes() {
        Path image = CORPUS.resolve("png/rgb-8.png");
        WebDriver browser = Browsers.headlessChromium();
        try {
            String base = "http://localhost:" + port;
            browser.get(base + "/hashen");
            browser.findElement(By.id("images")).sendKeys(image.toAbsolutePath().normalize().toString());
            Browsers.awaitText(browser, By.id("hashing-status"), "Klaar. Er is niets verstuurd.");
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("the new-case form").isEmpty();
            browser.findElement(By.id("send-hashes")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.id("error-summary")).size() == 1);
            assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Wie doet de melding?");
            assertThat(browser.findElement(By.id("send-hashes")).isEnabled()).as("her hashes wait for the answers").isTrue();
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("the page with errors").isEmpty();

            browser.findElement(By.cssSelector("label[for=reporterType-self]")).click();
            browser.findElement(By.cssSelector("label[for=form-non_consensual_sharing]")).click();
            browser.findElement(By.cssSelector("label[for=minor-no]")).click();
            browser.findElement(By.id("send-hashes")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/hashen/ontvangen"));
            assertThat(browser.findElement(By.id("hashing-outcome")).getText()).isEqualTo("De hashes van 1 beeld(en) zijn bewaard bij je zaak.");
            assertThat(browser.findElement(By.id("secret")).getText()).isNotBlank();
            assertThat(cases.findByNumber(browser.findElement(By.id("case-number")).getText())).isPresent();
            assertThat(Browsers.seriousAccessibilityViolations(browser)).as("the confirmation").isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void withoutJavaScriptThePageSaysHashingNeedsItAndOffersTheReportForm() {
        WebDriver browser = Browsers.headlessChromiumWithoutJavaScript();
        try {
            browser.get("http://localhost:" + port + "/hash-images?lang=en");
            assertThat(browser.findElement(By.id("needs-javascript")).getText())
                    .contains("Hashing on your device needs JavaScript").contains("Make a report");
            assertThat(browser.findElement(By.id("hashing")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("what-leaves")).getText()).contains("Only those hashes are sent");
        } finally {
            browser.quit();
        }
    }

    @Test
    void hashesArriveOnlyFromASignedInReporterAndBadValuesAreNamed() {
        StaffHttp anonymous = new StaffHttp(port);
        anonymous.get("/melden"); // a session and its form token, as a forged form would carry
        StaffHttp.Page refused = anonymous.postForm("/hashen", Map.of("pdq", MatchApiTest.randomPdq() + ":90", "md5", "0".repeat(32)));
        assertThat(refused.redirectsTo("/hashen")).isTrue();
        assertThat(anonymous.get("/hashen").document().getElementById("hashing-problem").text())
                .isEqualTo("Je bent niet (meer) ingelogd. Log in op je statuspagina en hash de beelden opnieuw.");

        Reported reported = report();
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/status");
        reporter.postForm("/status", Map.of("caseNumber", reported.caseNumber(), "secret", reported.secret()));
        reporter.get("/hashen");
        reporter.postForm("/hashen", Map.of("pdq", "<script>" + "a".repeat(60) + ":90", "md5", "=1+1"));
        assertThat(reporter.get("/hashen").document().getElementById("hashing-outcome").text())
                .isEqualTo("1 beeld(en) gaven geen geldige hash en zijn niet bewaard. Probeer het opnieuw.");
        reporter.postForm("/hashen", Map.of("pdq", "0".repeat(64) + ":0", "md5", "d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(reporter.get("/hashen").document().getElementById("hashing-outcome").text())
                .contains("1 beeld(en) waren te egaal om te herkennen");
        reporter.postForm("/hashen", Map.of());
        assertThat(reporter.get("/hashen").document().getElementById("hashing-problem").text())
                .isEqualTo("Er waren geen hashes om te bewaren. Kies eerst een of meer beelden.");
        String pdq = MatchApiTest.randomPdq();
        reporter.postForm("/hashen", Map.of("pdq", pdq + ":77", "md5", "9e107d9d372bb6826bd81d3542a419d6"));
        reporter.get("/hashen");
        reporter.postForm("/hashen", Map.of("pdq", pdq + ":77", "md5", "9e107d9d372bb6826bd81d3542a419d6"));
        assertThat(reporter.get("/hashen").document().text()).as("a double submit banks nothing twice")
                .contains("Nu beschermd bij je melding: 3 hash(es).");
    }
}
