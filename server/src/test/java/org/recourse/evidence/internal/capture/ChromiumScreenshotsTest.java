package org.recourse.evidence.internal.capture;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.recourse.evidence.internal.fetch.Dialer;
import org.recourse.evidence.internal.fetch.Egress;
import org.recourse.evidence.internal.fetch.HostResolver;
import org.recourse.evidence.internal.fetch.LoopbackTestServers;
import org.recourse.evidence.internal.fetch.TestWebsite;

/** Needs Debian's chromium, which .ci/run installs; without it capture records "no screenshot". */
class ChromiumScreenshotsTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void takesAFullPageScreenshotWhileTheProxyKeepsThePageOutOfInternalAddresses() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        try (TestWebsite site = new TestWebsite()) {
            site.page("/tall", "text/html", ("<html><body style='margin:0'><div style='height:3000px;background:#c00'>tall</div>"
                    + "<img src='http://169.254.169.254/latest/meta-data/x.png'><img src='http://10.1.2.3/y.png'>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8));
            ChromiumScreenshots screenshots = new ChromiumScreenshots(CHROMIUM,
                    new Egress(new LoopbackTestServers(), HostResolver.system(), Dialer.direct()), Duration.ofSeconds(60));

            List<Path> before = profiles();
            ChromiumScreenshots.Screenshot shot = screenshots.fullPage(site.url("/tall"));

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.png()));
            assertThat(image.getHeight()).isGreaterThanOrEqualTo(3000);
            assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
            assertThat(shot.refusedRequests()).anySatisfy(r -> assertThat(r).contains("cloud metadata"))
                    .anySatisfy(r -> assertThat(r).contains("private network"));
            await("the browser profile is removed", Duration.ofSeconds(10), () -> {
                try {
                    return before.containsAll(profiles());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static List<Path> profiles() throws Exception {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm)) {
            return List.of();
        }
        try (var all = Files.list(shm)) {
            return all.filter(p -> p.getFileName().toString().startsWith("recourse-chromium-")).toList();
        }
    }
}
