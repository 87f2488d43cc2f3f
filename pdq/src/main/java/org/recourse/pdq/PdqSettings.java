package org.recourse.pdq;

import java.time.Duration;

/**
 * Limits that keep hostile files from exhausting memory or time.
 *
 * @param maxPixels images whose header announces more pixels (width × height) are refused before
 *     decoding; the hasher needs about 11 bytes per pixel while it works
 * @param timeLimit decoding one image may take at most this long
 */
public record PdqSettings(long maxPixels, Duration timeLimit) {

    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    public PdqSettings {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
    }

    public static PdqSettings defaults() {
        return new PdqSettings(DEFAULT_MAX_PIXELS, DEFAULT_TIME_LIMIT);
    }

    public PdqSettings withMaxPixels(long pixels) {
        return new PdqSettings(pixels, timeLimit);
    }

    public PdqSettings withTimeLimit(Duration limit) {
        return new PdqSettings(maxPixels, limit);
    }
}
