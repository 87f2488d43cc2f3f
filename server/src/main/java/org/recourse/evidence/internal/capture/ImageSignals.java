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
 * Hashes a captured image in memory with PDQ and announces it ({@link ImageCaptured}), so matching
 * can look for re-uploads. An image PDQ cannot read is simply not announced.
 */
@Component
public class ImageSignals {

    private static final Logger log = LoggerFactory.getLogger(ImageSignals.class);

    private final PdqHasher hasher = new PdqHasher(new PdqSettings(50_000_000, Duration.ofSeconds(10)));
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    public ImageSignals(ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.events = events;
        this.transaction = transaction;
    }

    void captured(UUID caseId, UUID itemId, UUID evidenceId, String url, String contentType, byte[] bytes,
                  java.time.Instant at) {
        if (contentType == null || !contentType.startsWith("image/")) {
            return;
        }
        HashResult result;
        try {
            result = hasher.hash(bytes);
        } catch (UnreadableImageException e) {
            log.debug("Captured image {} not hashed: {}", evidenceId, e.reason());
            return;
        }
        ImageCaptured event = new ImageCaptured(caseId, itemId, evidenceId, url, result.pdq().hex(), result.quality(), at);
        // Published in a transaction of its own, so the event registry keeps it until matching has handled it.
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }
}
