package org.recourse.evidence.internal.capture;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.recourse.evidence.internal.fetch.BrowserProxy;
import org.recourse.evidence.internal.fetch.Egress;
import org.recourse.platform.HeadlessChromium;
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
        Path profile = HeadlessChromium.privateProfile();
        Process browser = null;
        try (BrowserProxy proxy = BrowserProxy.start(egress)) {
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" 3<&0 4>&1", chromium.toString()));
            command.addAll(HeadlessChromium.flags(profile));
            command.addAll(List.of("--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                    "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>",
                    "--remote-debugging-pipe", "--hide-scrollbars", "--window-size=" + WIDTH + ",900", "about:blank"));
            browser = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            DevToolsPipe devtools = new DevToolsPipe(browser.getInputStream(), browser.getOutputStream(), timeout);
            byte[] png = capture(devtools, url);
            devtools.call("Browser.close", Map.of(), null);
            return new Screenshot(png, proxy.refusals());
        } finally {
            HeadlessChromium.stop(browser);
            HeadlessChromium.deleteProfile(profile);
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
}
