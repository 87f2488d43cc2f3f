package org.recourse.takedown.internal.monitoring;

import java.time.Duration;
import java.util.Optional;

import org.recourse.evidence.FetchResult;
import org.recourse.evidence.ImageFetched;
import org.recourse.pdq.HashResult;
import org.recourse.pdq.PdqHasher;
import org.recourse.pdq.PdqSettings;
import org.recourse.pdq.UnreadableImageException;
import org.springframework.stereotype.Component;

/**
 * An online check that finds an image at a notified address hashes it in memory, so matching can
 * recognise it as a re-upload of another case's material; the bytes are not kept. Pages (HTML) are
 * not hashed: there is no crawler.
 */
@Component
class HashingFetchedImages {

    private final PdqHasher hasher = new PdqHasher(new PdqSettings(50_000_000, Duration.ofSeconds(10)));

    Optional<ImageFetched> of(CheckRecords.Due item, FetchResult fetched) {
        if (fetched.status() < 200 || fetched.status() > 299 || !fetched.contentType().startsWith("image/") || fetched.body().length == 0) {
            return Optional.empty();
        }
        try {
            HashResult hash = hasher.hash(fetched.body());
            return Optional.of(new ImageFetched(item.caseId(), item.reportedItemId(), item.url(), hash.pdq().hex(), hash.quality(),
                    fetched.fetchedAt()));
        } catch (UnreadableImageException e) {
            return Optional.empty();
        }
    }
}
