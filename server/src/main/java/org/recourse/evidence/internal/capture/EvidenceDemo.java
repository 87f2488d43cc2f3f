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
 * synthetic rendering of the page (marked "SYNTHETISCH — DEMO" across the top), stored in the vault
 * like a screenshot and hashed with PDQ, so cases, dossiers and packages have pictures to show.
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
        SplittableRandom random = day.randomFor("evidence");
        day.moveTo(23 * 60 + 30);
        for (Optional<CaptureRequests.CaptureRequest> next = requests.claimNext(); next.isPresent(); next = requests.claimNext()) {
            CaptureRequests.CaptureRequest capture = next.get();
            byte[] png = page(capture.url(), random);
            try {
                var stored = storing.store(capture.caseId(), "capture", "screenshot", "screenshot.png", "image/png",
                        new ByteArrayInputStream(png), "system:evidence-capture",
                        new StoringEvidence.Provenance(capture.itemId(), capture.id(), capture.url(), capture.url(), null, null, null,
                                null, null, day.time().now()));
                images.screenshot(stored.id(), png, day.time().now());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            requests.finish(capture.id(), "synthetic demo capture: nothing was fetched", "synthetic rendering, no screenshot taken");
        }
    }

    /** A page-like picture: a coloured header with the demo mark and the address, blocks of text and a photo. */
    static byte[] page(String url, SplittableRandom random) {
        BufferedImage page = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
        g.fillRect(0, 0, 640, 56);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("SYNTHETISCH — DEMO", 16, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(url.length() > 90 ? url.substring(0, 90) : url, 16, 46);
        g.setColor(Color.LIGHT_GRAY);
        for (int y = 80; y < 460; y += 22) {
            g.fillRect(24, y, 120 + random.nextInt(200), 10);
        }
        g.setColor(new Color(120 + random.nextInt(120), 100 + random.nextInt(100), 90 + random.nextInt(90)));
        int x = 360 + random.nextInt(40);
        int y = 90 + random.nextInt(40);
        g.fillOval(x, y, 200, 260);
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
