package org.recourse.evidence.internal.capture;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.recourse.evidence.internal.fetch.BrowserProxy;
import org.recourse.evidence.internal.fetch.Egress;
import tools.jackson.databind.JsonNode;

/**
 * Full-page screenshots with Debian's chromium, headless. Three things keep it as safe as the
 * fetcher:
 * <ul>
 * <li>all of the browser's traffic goes through a {@link BrowserProxy} that applies the same
 * address rules (no DNS of its own, no QUIC, no WebRTC UDP), so a page cannot make the browser
 * reach inside our network;</li>
 * <li>the picture comes back over the DevTools pipe into memory and is never a file;</li>
 * <li>the page is opened in a fresh incognito browser context (cache in memory), and the profile
 * directory chromium insists on lives in {@code /dev/shm} (memory) when there is one, private to
 * us, and is deleted afterwards.</li>
 * </ul>
 */
public final class ChromiumScreenshots {

    private static final int WIDTH = 1280;
    private static final int MAX_HEIGHT = 16_000;

    private final Path chromium;
    private final Egress egress;
    private final Duration timeout;

    public ChromiumScreenshots(Path chromium, Egress egress, Duration timeout) {
        this.chromium = chromium;
        this.egress = egress;
        this.timeout = timeout;
    }

    public boolean available() {
        return Files.isExecutable(chromium);
    }

    public record Screenshot(byte[] png, List<String> refusedRequests) {
    }

    public Screenshot fullPage(URI url) throws IOException {
        Path profile = privateDirectory();
        Process browser = null;
        try (BrowserProxy proxy = BrowserProxy.start(egress)) {
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" 3<&0 4>&1", chromium.toString(),
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--disable-quic", "--force-webrtc-ip-handling-policy=disable_non_proxied_udp", "--mute-audio",
                    "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>",
                    "--user-data-dir=" + profile, "--remote-debugging-pipe", "--hide-scrollbars",
                    "--window-size=" + WIDTH + ",900", "about:blank"));
            browser = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            DevToolsPipe devtools = new DevToolsPipe(browser.getInputStream(), browser.getOutputStream(), timeout);
            byte[] png = capture(devtools, url);
            devtools.call("Browser.close", Map.of(), null);
            return new Screenshot(png, proxy.refusals());
        } finally {
            stop(browser);
            deleteRecursively(profile);
        }
    }

    /** Chromium runs helper processes (zygote, renderer, GPU); all of them go before the profile is deleted. */
    private static void stop(Process browser) {
        if (browser == null) {
            return;
        }
        List<ProcessHandle> helpers = browser.descendants().toList();
        try {
            browser.waitFor(5, TimeUnit.SECONDS);
            browser.destroyForcibly();
            browser.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle helper : helpers) {
                helper.destroyForcibly();
                helper.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A helper that will not die is left to the operating system; the profile is deleted regardless.
        }
    }

    private static byte[] capture(DevToolsPipe devtools, URI url) throws IOException {
        String context = devtools.call("Target.createBrowserContext", Map.of(), null).path("browserContextId").asString();
        String target = devtools.call("Target.createTarget", Map.of("url", "about:blank", "browserContextId", context), null)
                .path("targetId").asString();
        String session = devtools.call("Target.attachToTarget", Map.of("targetId", target, "flatten", true), null)
                .path("sessionId").asString();
        devtools.call("Page.enable", Map.of(), session);
        devtools.call("Page.navigate", Map.of("url", url.toString()), session);
        devtools.await("Page.loadEventFired");
        JsonNode size = devtools.call("Page.getLayoutMetrics", Map.of(), session).path("cssContentSize");
        int width = Math.max(1, (int) Math.ceil(size.path("width").asDouble(WIDTH)));
        int height = Math.min(MAX_HEIGHT, Math.max(1, (int) Math.ceil(size.path("height").asDouble(900))));
        JsonNode shot = devtools.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)), session);
        return Base64.getDecoder().decode(shot.path("data").asString());
    }

    private static Path privateDirectory() throws IOException {
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createTempDirectory(base, "recourse-chromium-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
