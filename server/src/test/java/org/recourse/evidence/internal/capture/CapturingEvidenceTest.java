package org.recourse.evidence.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.recourse.support.Eventually;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.internal.EvidenceObject;
import org.recourse.evidence.internal.EvidenceObjects;
import org.recourse.evidence.internal.EvidenceSettings;
import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Capture from a local test website, as the background worker does it; the worker itself runs in the application. */
@RecourseTest
class CapturingEvidenceTest {

    @Autowired EvidenceVault vault;
    @Autowired CaptureRequests requests;
    @Autowired CapturingEvidence capturing;
    @Autowired StoringEvidence storing;
    @Autowired ImageSignals images;
    @Autowired EvidenceSettings settings;
    @Autowired EvidenceObjects objects;
    @Autowired SealedBlobs blobs;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    /**
     * Requests a capture through the module's API and claims it in the same transaction, so the
     * application's own worker (running in this context) never sees it waiting; then captures it.
     */
    UUID captureNow(CapturingEvidence capturing, UUID caseId, UUID itemId, String url) {
        CaptureRequests.CaptureRequest claimed = transaction.execute(status -> {
            UUID id = vault.captureLater(caseId, itemId, url);
            jdbc.sql("update evidence_capture set status = 'running', started_at = now(), attempts = 1 where id = ?").param(id).update();
            return requests.find(id).orElseThrow();
        });
        AuditActor.runAs("system:evidence-capture", () -> capturing.capture(claimed));
        return claimed.id();
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void capturesThePageItsMediaAndTheirProvenanceFollowingRedirects() throws Exception {
        byte[] png = png();
        byte[] jpeg = ("JPEG-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        byte[] mp4 = ("MP4-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        byte[] article = ("<html><body><h1>post</h1><img src='/img/a.png'><img src=\"/img/redirect.png\">"
                + "<img src='/img/a.png'><video controls><source src='/media/clip.mp4' type='video/mp4'></video>"
                + "<img src='http://10.9.8.7/x.png'></body></html>").getBytes(StandardCharsets.UTF_8);
        try (TestWebsite site = new TestWebsite()) {
            site.redirect("/start", 302, "/article");
            site.page("/article", "text/html; charset=utf-8", article);
            site.page("/img/a.png", "image/png", png);
            site.redirect("/img/redirect.png", 301, "/img/b.jpg");
            site.page("/img/b.jpg", "image/jpeg", jpeg);
            site.page("/media/clip.mp4", "video/mp4", mp4);
            UUID caseId = UUID.randomUUID();
            UUID itemId = UUID.randomUUID();
            Instant before = Instant.now();

            UUID captureId = captureNow(LoopbackCapturing.create(storing, requests, settings, images), caseId, itemId, site.url("/start").toString());

            CaptureRequests.CaptureRequest capture = requests.find(captureId).orElseThrow();
            assertThat(capture.status()).isEqualTo(CaptureRequests.CaptureStatus.DONE);
            assertThat(capture.outcome()).contains("page 200", "3 embedded media stored", "10.9.8.7", "private network");
            Map<String, EvidenceObject> byUrl = objects.forCapture(captureId).stream()
                    .filter(o -> !o.kind().equals("screenshot"))
                    .collect(Collectors.toMap(o -> o.sourceUrl().replaceFirst("http://127.0.0.1:\\d+", ""), Function.identity()));
            assertThat(byUrl).containsOnlyKeys("/start", "/img/a.png", "/img/redirect.png", "/media/clip.mp4");

            EvidenceObject page = byUrl.get("/start");
            assertThat(page.kind()).isEqualTo("page");
            assertThat(page.finalUrl()).isEqualTo(site.url("/article").toString());
            assertThat(page.httpStatus()).isEqualTo(200);
            assertThat(page.resolvedIp()).isEqualTo("127.0.0.1");
            assertThat(page.tlsSha256()).isNull();
            assertThat(page.sha256()).isEqualTo(sha256(article));
            assertThat(page.size()).isEqualTo(article.length);
            assertThat(page.contentType()).isEqualTo("text/html");
            assertThat(page.redirectChain()).contains("\"status\":302", "/start", "\"status\":200");
            assertThat(page.responseHeaders()).contains("Content-type", "text/html; charset=utf-8");
            assertThat(page.capturedAt()).isBetween(before, Instant.now());
            assertThat(page.caseId()).isEqualTo(caseId);
            assertThat(page.itemId()).isEqualTo(itemId);

            EvidenceObject redirected = byUrl.get("/img/redirect.png");
            assertThat(redirected.finalUrl()).endsWith("/img/b.jpg");
            assertThat(redirected.sha256()).isEqualTo(sha256(jpeg));
            assertThat(redirected.contentType()).isEqualTo("image/jpeg");
            assertThat(byUrl.get("/img/a.png").sha256()).isEqualTo(sha256(png));
            assertThat(byUrl.get("/media/clip.mp4").sha256()).isEqualTo(sha256(mp4));
            assertThat(byUrl.get("/media/clip.mp4").kind()).isEqualTo("media");
            try (InputStream in = blobs.open(byUrl.get("/img/a.png").blobId())) {
                assertThat(in.readAllBytes()).isEqualTo(png);
            }

            List<AuditEntry> custody = audit.entriesFor("evidence", page.id().toString());
            assertThat(custody).extracting(AuditEntry::action).containsExactly("evidence.captured");
            assertThat(custody.getFirst().actor()).isEqualTo("system:evidence-capture");
            assertThat(custody.getFirst().detail()).contains(page.sha256());

            if (Files.isExecutable(Path.of(settings.capture().chromium()))) {
                assertThat(capture.screenshotNote()).startsWith("screenshot taken");
                EvidenceObject screenshot = objects.forCapture(captureId).stream().filter(o -> o.kind().equals("screenshot"))
                        .findFirst().orElseThrow();
                try (InputStream in = blobs.open(screenshot.blobId())) {
                    assertThat(ImageIO.read(in).getWidth()).isGreaterThan(100);
                }
            } else {
                assertThat(capture.screenshotNote()).isEqualTo("no screenshot: chromium not installed");
            }
        }
    }

    @Test
    void theApplicationsOwnWorkerPicksUpARequestAndRefusesLoopbackSayingWhy() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            site.page("/internal", "text/html", "<p>admin</p>".getBytes(StandardCharsets.UTF_8));
            UUID captureId = transaction.execute(status -> vault.captureLater(UUID.randomUUID(), null, site.url("/internal").toString()));

            // The worker's own code with this application's production beans, run here rather than
            // waited for: in the test JVM several contexts share the job table, and whichever
            // context db-scheduler picks may be busy with other tests' captures.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            CaptureRequests.CaptureRequest capture = requests.find(captureId).orElseThrow();
            while (System.nanoTime() < deadline && !capture.failed() && !capture.done()) {
                if (CaptureWorker.drain(requests, capturing) == 0) {
                    Thread.sleep(250);
                }
                capture = requests.find(captureId).orElseThrow();
            }

            assertThat(capture.status()).isEqualTo(CaptureRequests.CaptureStatus.FAILED);
            assertThat(capture.outcome()).startsWith("refused:").contains("127.0.0.1", "loopback");
            assertThat(site.wasRequested("/internal")).isFalse();
            assertThat(objects.forCapture(captureId)).isEmpty();
        }
    }

    @Test
    void theWorkerIsRegisteredWithTheClusterWideScheduler() throws Exception {
        Eventually.await("the evidence tasks are registered", Duration.ofSeconds(20), () -> jdbc.sql("select task_name from scheduled_tasks")
                .query(String.class).list().containsAll(List.of("evidence-capture", "evidence-retention")));
    }
}
