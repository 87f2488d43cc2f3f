package org.recourse.pdq.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bucket starts read back exactly whichever offset width the counts allow, and positions map back to buckets. */
class PrefixDirectoryTest {

    private static final int PREFIX_BITS = 16;
    private static final int BUCKETS = 1 << PREFIX_BITS;

    @Test
    void evenBucketsTakeByteOffsetsCrowdedOnesShortOffsetsAndAHugeOneIntStarts() {
        int[] even = counted(bucket -> 10);
        int[] crowded = counted(bucket -> bucket == 777 ? 300 : 10);
        int[] huge = counted(bucket -> bucket == 777 ? 70_000 : 10);
        PrefixDirectory[] directories = PrefixDirectory.pack(new int[][] {even, crowded, huge}, new int[] {23, 23, 26});

        assertReadsBack(directories[0], even);
        assertReadsBack(directories[1], crowded);
        assertReadsBack(directories[2], huge);
        assertThat(directories[0].memoryBytes()).as("1 byte per bucket and an int per block").isLessThan(BUCKETS * 3L / 2);
        assertThat(directories[1].memoryBytes()).as("2 bytes per bucket").isBetween(2L * BUCKETS, 3L * BUCKETS);
        assertThat(directories[2].memoryBytes()).as("an int per bucket").isEqualTo(4L * (BUCKETS + 1));
        assertThat(directories[2].residualBits()).isEqualTo(26 - PREFIX_BITS);
    }

    @Test
    void randomCountsReadBack() {
        SplittableRandom random = new SplittableRandom(5);
        int[] starts = counted(bucket -> random.nextInt(random.nextInt(10) == 0 ? 400 : 20));
        PrefixDirectory[] directories = PrefixDirectory.pack(new int[][] {starts}, new int[] {23});
        assertReadsBack(directories[0], starts);
    }

    /** A row's bucket is found from its position, past runs of empty buckets and in crowded ones. */
    @Test
    void everyPositionLiesInTheBucketThatHoldsIt() {
        SplittableRandom random = new SplittableRandom(9);
        int[] starts = counted(bucket -> bucket == 4_000 ? 300 : random.nextInt(3) == 0 ? 0 : random.nextInt(4));
        PrefixDirectory directory = PrefixDirectory.pack(new int[][] {starts}, new int[] {26})[0];
        for (int b = 0; b < BUCKETS; b++) {
            for (int position = starts[b]; position < starts[b + 1]; position++) {
                assertThat(directory.bucketOf(position)).as("position %d", position).isEqualTo(b);
            }
        }
    }

    private interface Count {
        int of(int bucket);
    }

    private static int[] counted(Count count) {
        int[] starts = new int[BUCKETS + 1];
        for (int b = 0; b < BUCKETS; b++) {
            starts[b + 1] = starts[b] + count.of(b);
        }
        return starts;
    }

    private static void assertReadsBack(PrefixDirectory directory, int[] starts) {
        assertThat(directory.prefixBits()).isEqualTo(PREFIX_BITS);
        for (int b = 0; b <= BUCKETS; b++) {
            assertThat(directory.start(b)).as("bucket %d", b).isEqualTo(starts[b]);
        }
    }
}
