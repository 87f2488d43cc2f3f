package org.recourse.pdq;

import java.util.Map;
import java.util.Optional;

/**
 * What hashing one file yields: the PDQ hash with its quality, the cryptographic digests of the
 * exact file bytes (for exact-copy lists) and, when asked for, the hashes of the seven other
 * orientations.
 *
 * @param pdq the PDQ hash of the image as stored (EXIF orientation is not applied)
 * @param md5 lower-case hex MD5 of the file bytes
 * @param sha256 lower-case hex SHA-256 of the file bytes
 * @param orientations all eight orientations, or empty when not requested
 */
public record HashResult(PdqHash pdq, String md5, String sha256, Map<Orientation, Hash256> orientations) {

    public HashResult {
        orientations = Map.copyOf(orientations);
    }

    public int quality() {
        return pdq.quality();
    }

    public Optional<Hash256> orientation(Orientation orientation) {
        return Optional.ofNullable(orientations.get(orientation));
    }
}
