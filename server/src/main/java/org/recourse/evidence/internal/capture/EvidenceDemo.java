package org.recourse.evidence.internal.capture;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.springframework.stereotype.Component;

/**
 * The demo's capture worker: it fetches nothing. Each waiting capture is answered with a drawn,
 * synthetic picture (marked "SYNTHETISCH — DEMO" across the top) stored in the vault as the captured
 * image, hashed with PDQ and announced like a real capture, so cases, dossiers and packages have
 * pictures to show and matching can recognise a re-upload of the same picture.
 */
@Component
class EvidenceDemo implements DemoActor {

    private final CaptureRequests requests;
    private final StoringEvidence storing;
    private final ImageSignals images;

    EvidenceDemo(CaptureRequests requests, StoringEvidence storing, ImageSignals images) {
        this.requests = requests;
        this.storing = storing;
        this.images = images;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void act(DemoDay day) {
        day.moveTo(23 * 60 + 30);
        for (Optional<CaptureRequests.CaptureRequest> next = requests.claimNext(); next.isPresent(); next = requests.claimNext()) {
            CaptureRequests.CaptureRequest capture = next.get();
            byte[] png = picture(capture.url());
            try {
                var stored = storing.store(capture.caseId(), "capture", "media", "picture.png", "image/png",
                        new ByteArrayInputStream(png), "system:evidence-capture",
                        new StoringEvidence.Provenance(capture.itemId(), capture.id(), capture.url(), capture.url(), 200, null, null,
                                null, null, day.time().now()));
                images.captured(capture.caseId(), capture.itemId(), stored.id(), capture.url(), "image/png", png, day.time().now());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            requests.finish(capture.id(), "synthetic demo capture: nothing was fetched", "synthetic rendering, no screenshot taken");
        }
    }

    /**
     * The picture at an address, drawn from the content part of its last path segment (before a
     * {@code -} suffix), so a re-upload of the same content shows the same picture.
     */
    static byte[] picture(String url) {
        String last = url.substring(url.lastIndexOf('/') + 1);
        String content = last.contains("-") ? last.substring(0, last.indexOf('-')) : last;
        return page(content, new SplittableRandom(content.hashCode() * 0x9E3779B97F4A7C15L));
    }

    /** A picture of coloured shapes, different for every content, with the demo mark across the top. */
    static byte[] page(String content, SplittableRandom random) {
        BufferedImage page = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(0, 0, 640, 480);
        for (int i = 0; i < 14; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(600);
            int y = 40 + random.nextInt(420);
            int w = 40 + random.nextInt(260);
            int h = 40 + random.nextInt(220);
            if (random.nextBoolean()) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 640, 40);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("SYNTHETISCH — DEMO " + (content.length() > 12 ? content.substring(0, 12) : content), 16, 28);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(page, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
