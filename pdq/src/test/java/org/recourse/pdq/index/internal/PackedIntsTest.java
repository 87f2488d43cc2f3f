package org.recourse.pdq.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedIntsTest {

    @Test
    void everyWidthReadsBackWhatWasWritten() {
        SplittableRandom random = new SplittableRandom(3);
        for (int width = 0; width <= 64; width++) {
            long mask = width == 64 ? -1L : (1L << width) - 1;
            long[] values = new long[1000];
            PackedInts packed = new PackedInts(values.length, width);
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 7 == 0 ? mask : random.nextLong() & mask;
                packed.set(i, values[i]);
            }
            for (int i = 0; i < values.length; i++) {
                assertThat(packed.get(i)).as("width %d, index %d", width, i).isEqualTo(values[i]);
            }
        }
    }

    @Test
    void bitsForCountsUnsignedValues() {
        assertThat(PackedInts.bitsFor(0)).isZero();
        assertThat(PackedInts.bitsFor(1)).isEqualTo(1);
        assertThat(PackedInts.bitsFor(9_999_999)).isEqualTo(24);
        assertThat(PackedInts.bitsFor(-1)).as("the whole long range").isEqualTo(64);
    }
}
