package org.recourse.pdq.index;

import java.util.SplittableRandom;
import org.recourse.pdq.Hash256;

/** Random hashes and copies with exactly k bits flipped, as PDQ near-duplicates look. */
final class RandomHashes {

    private final SplittableRandom random;

    RandomHashes(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Hash256 next() {
        return new Hash256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    Hash256 flip(Hash256 hash, int bits) {
        long[] words = hash.words();
        int flipped = 0;
        while (flipped < bits) {
            int k = random.nextInt(256);
            long mask = 1L << (k & 63);
            if ((words[k >>> 6] & mask) == (hash.word(k >>> 6) & mask)) {
                words[k >>> 6] ^= mask;
                flipped++;
            }
        }
        return Hash256.fromWords(words);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
