package org.recourse.evidence.internal.capture;

import java.time.Duration;
import java.util.UUID;

import org.recourse.evidence.ImageCaptured;
import org.recourse.pdq.HashResult;
import org.recourse.pdq.PdqHasher;
import org.recourse.pdq.PdqSettings;
import org.recourse.pdq.UnreadableImageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hashes a captured picture in memory with PDQ and records the hash with the evidence (dossiers and
 * packages carry it). Captured media is also announced ({@link ImageCaptured}), so matching can look
 * for re-uploads; screenshots are not, since a whole page is not the image. A picture PDQ cannot read
 * is simply not hashed.
 */
@Component
public class ImageSignals {

    private static final Logger log = LoggerFactory.getLogger(ImageSignals.class);

    private final PdqHasher hasher = new PdqHasher(new PdqSettings(50_000_000, Duration.ofSeconds(10)));
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    private final org.recourse.evidence.internal.EvidenceObjects objects;

    public ImageSignals(ApplicationEventPublisher events, TransactionTemplate transaction,
                        org.recourse.evidence.internal.EvidenceObjects objects) {
        this.events = events;
        this.transaction = transaction;
        this.objects = objects;
    }

    /** Hashes a screenshot and records the hash and the blurred copy, without announcing it. */
    public void screenshot(UUID evidenceId, byte[] png, java.time.Instant at) {
        HashResult result = hash(evidenceId, "image/png", png);
        byte[] preview = preview(png);
        transaction.executeWithoutResult(status -> {
            if (result != null) {
                objects.recordPdq(evidenceId, result.pdq().hex(), result.quality(), at);
            }
            if (preview != null) {
                objects.recordPreview(evidenceId, preview, at);
            }
        });
    }

    /** The blurred copy dossiers show, made while the bytes are in memory anyway; null when it is no readable picture. */
    private static byte[] preview(byte[] picture) {
        try {
            return org.recourse.evidence.internal.CopyingEvidence.blur(new java.io.ByteArrayInputStream(picture)).orElse(null);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    void captured(UUID caseId, UUID itemId, UUID evidenceId, String url, String contentType, byte[] bytes,
                  java.time.Instant at) {
        HashResult result = hash(evidenceId, contentType, bytes);
        if (result == null) {
            return;
        }
        ImageCaptured event = new ImageCaptured(caseId, itemId, evidenceId, url, result.pdq().hex(), result.quality(), at);
        byte[] preview = preview(bytes);
        // Published in a transaction of its own, so the event registry keeps it until matching has handled it.
        transaction.executeWithoutResult(status -> {
            objects.recordPdq(evidenceId, result.pdq().hex(), result.quality(), at);
            if (preview != null) {
                objects.recordPreview(evidenceId, preview, at);
            }
            events.publishEvent(event);
        });
    }

    private HashResult hash(UUID evidenceId, String contentType, byte[] bytes) {
        if (contentType == null || !contentType.startsWith("image/")) {
            return null;
        }
        try {
            return hasher.hash(bytes);
        } catch (UnreadableImageException e) {
            log.debug("Captured image {} not hashed: {}", evidenceId, e.reason());
            return null;
        }
    }
}
