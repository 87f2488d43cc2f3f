package org.recourse.evidence.internal.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchRefusedException.Reason;
import org.recourse.evidence.FetchResult;
import org.recourse.evidence.SafeFetcher;
import org.recourse.evidence.internal.EvidenceSettings;
import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.evidence.internal.capture.CaptureRequests.CaptureRequest;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captures one reported URL: the page as received, each image, video and audio it embeds (each
 * fetched through the same safe fetcher), and a full-page screenshot when chromium is there.
 * Every object is stored encrypted with where it came from, the address connected to, the TLS
 * certificate, the status and headers, and when.
 */
@Service
public class CapturingEvidence {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> MEDIA_TYPES = List.of("image/", "video/", "audio/");
    private static final Set<Reason> PASSING = Set.of(Reason.TIMEOUT, Reason.CONNECTION);

    private final SafeFetcher fetcher;
    private final StoringEvidence storing;
    private final CaptureRequests requests;
    private final ChromiumScreenshots screenshots;
    private final EvidenceSettings.Capture settings;
    private final Clock clock;
    private final ImageSignals images;

    public CapturingEvidence(SafeFetcher fetcher, StoringEvidence storing, CaptureRequests requests, ChromiumScreenshots screenshots,
                      EvidenceSettings settings, Clock clock, ImageSignals images) {
        this.images = images;
        this.fetcher = fetcher;
        this.storing = storing;
        this.requests = requests;
        this.screenshots = screenshots;
        this.settings = settings.capture();
        this.clock = clock;
    }

    public void capture(CaptureRequest request) {
        URI url;
        try {
            url = new URI(request.url());
        } catch (URISyntaxException e) {
            requests.fail(request.id(), "INVALID_URL", "refused: not a valid URL");
            return;
        }
        FetchResult page;
        try {
            page = fetcher.fetch(url, limits(settings.pageMaxBytes().toBytes(), List.of()));
        } catch (FetchRefusedException e) {
            if (PASSING.contains(e.reason()) && request.attempts() < settings.maxAttempts()) {
                requests.retryLater(request.id(), e.reason().name(), "will retry: " + e.getMessage());
            } else {
                requests.fail(request.id(), e.reason().name(), "refused: " + e.getMessage());
            }
            return;
        }
        try {
            boolean html = page.contentType().equals("text/html") || page.contentType().equals("application/xhtml+xml");
            store(request, html || !isMedia(page.contentType()) ? "page" : "media", url, page);
            List<String> notes = new ArrayList<>();
            int media = html ? captureMedia(request, page, notes) : 0;
            String screenshotNote = screenshot(request, url, page);
            String outcome = "page " + page.status() + ", " + media + " embedded media stored"
                    + (notes.isEmpty() ? "" : "; not stored: " + String.join("; ", notes));
            requests.finish(request.id(), truncate(outcome), screenshotNote);
        } catch (IOException | RuntimeException e) {
            requests.fail(request.id(), "STORAGE", "failed while storing: " + e.getClass().getSimpleName());
        }
    }

    private int captureMedia(CaptureRequest request, FetchResult page, List<String> notes) throws IOException {
        int stored = 0;
        for (URI media : embeddedMedia(page)) {
            if (stored >= settings.mediaMaxCount()) {
                notes.add("more media than the limit of " + settings.mediaMaxCount());
                break;
            }
            try {
                FetchResult result = fetcher.fetch(media, limits(settings.mediaMaxBytes().toBytes(), MEDIA_TYPES));
                store(request, "media", media, result);
                stored++;
            } catch (FetchRefusedException e) {
                notes.add(media + ": " + e.getMessage());
            }
        }
        return stored;
    }

    /** Absolute http(s) URLs of img, video, audio and source elements (and video posters), in page order. */
    static Set<URI> embeddedMedia(FetchResult page) {
        String charset = charset(page.header("Content-Type").orElse(""));
        Document document = Jsoup.parse(new String(page.body(), java.nio.charset.Charset.forName(charset)), page.finalUrl().toString());
        Set<URI> urls = new LinkedHashSet<>();
        for (Element element : document.select("img[src], video[src], audio[src], source[src], video[poster]")) {
            for (String attribute : List.of("src", "poster")) {
                String absolute = element.absUrl(attribute);
                if (absolute.startsWith("http://") || absolute.startsWith("https://")) {
                    try {
                        urls.add(new URI(absolute));
                    } catch (URISyntaxException e) {
                        // An unreadable media URL cannot be captured; the page itself still is.
                    }
                }
            }
        }
        return urls;
    }

    private String screenshot(CaptureRequest request, URI url, FetchResult page) {
        if (!settings.screenshots()) {
            return "no screenshot: screenshots are switched off";
        }
        if (!screenshots.available()) {
            return "no screenshot: chromium not installed";
        }
        try {
            ChromiumScreenshots.Screenshot shot = screenshots.fullPage(page.finalUrl());
            var stored = storing.store(request.caseId(), "capture", "screenshot", "screenshot.png", "image/png",
                    new ByteArrayInputStream(shot.png()), "system:evidence-capture",
                    new StoringEvidence.Provenance(request.itemId(), request.id(), url.toString(), page.finalUrl().toString(),
                            null, null, null, page.resolvedIp(), page.tlsCertificateSha256(), clock.instant()));
            images.screenshot(stored.id(), shot.png(), clock.instant());
            return shot.refusedRequests().isEmpty() ? "screenshot taken"
                    : truncate("screenshot taken; the page's requests to " + shot.refusedRequests().size() + " forbidden addresses were blocked");
        } catch (IOException | RuntimeException e) {
            return "no screenshot: " + e.getMessage();
        }
    }

    private void store(CaptureRequest request, String kind, URI requested, FetchResult result) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        result.headers().forEach(h -> headers.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value()));
        List<Map<String, Object>> hops = result.hops().stream()
                .map(h -> Map.<String, Object>of("url", h.url().toString(), "ip", h.resolvedIp(), "status", h.status())).toList();
        String path = result.finalUrl().getPath();
        String filename = path == null || path.isEmpty() || path.endsWith("/") ? null : path.substring(path.lastIndexOf('/') + 1);
        var stored = storing.store(request.caseId(), "capture", kind, filename, result.contentType().isEmpty() ? null : result.contentType(),
                new ByteArrayInputStream(result.body()), "system:evidence-capture",
                new StoringEvidence.Provenance(request.itemId(), request.id(), requested.toString(), result.finalUrl().toString(),
                        result.status(), JSON.writeValueAsString(headers), JSON.writeValueAsString(hops), result.resolvedIp(),
                        result.tlsCertificateSha256(), result.fetchedAt()));
        images.captured(request.caseId(), request.itemId(), stored.id(), result.finalUrl().toString(), result.contentType(),
                result.body(), result.fetchedAt());
    }

    private FetchLimits limits(long maxBytes, List<String> types) {
        return FetchLimits.defaults().withMaxBytes(maxBytes).withTimeout(settings.timeout()).withContentTypes(types);
    }

    private static boolean isMedia(String contentType) {
        return MEDIA_TYPES.stream().anyMatch(contentType::startsWith);
    }

    private static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").trim();
                if (java.nio.charset.Charset.isSupported(name)) {
                    return name;
                }
            }
        }
        return StandardCharsets.UTF_8.name();
    }

    private static String truncate(String s) {
        return s.length() > 1900 ? s.substring(0, 1900) + "…" : s;
    }
}
