package org.recourse.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562): the creation time in milliseconds, then random bits. Rows created
 * together get neighbouring keys, so a primary-key index grows at its right edge instead of
 * touching a random page per insert — at a thousand reports a second that is the difference
 * between a few hot index pages and a full-page image in the write-ahead log for almost every row.
 * For identifiers only: they reveal when a row was made, and are not secrets (case numbers and
 * reporter secrets are made elsewhere, from a secure random source).
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
