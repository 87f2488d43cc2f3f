package org.recourse.pdq;

/**
 * A PDQ hash with the quality the hasher measured for it.
 *
 * @param bits the 256 hash bits
 * @param quality 0..100; below about 50 the hash is unreliable for matching and 0 means
 *     "do not use" (flat or tiny images)
 */
public record PdqHash(Hash256 bits, int quality) {

    /** Quality below which PDQ's authors advise not to match on a hash. */
    public static final int MIN_RELIABLE_QUALITY = 50;

    public PdqHash {
        if (bits == null) {
            throw new IllegalArgumentException("bits are required");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality is 0..100, got " + quality);
        }
    }

    public static PdqHash fromHex(String hex, int quality) {
        return new PdqHash(Hash256.fromHex(hex), quality);
    }

    public String hex() {
        return bits.toHex();
    }

    public int distance(PdqHash other) {
        return bits.distance(other.bits);
    }

    public int distance(Hash256 other) {
        return bits.distance(other);
    }

    public boolean isReliable() {
        return quality >= MIN_RELIABLE_QUALITY;
    }

    @Override
    public String toString() {
        return hex() + "," + quality;
    }
}
