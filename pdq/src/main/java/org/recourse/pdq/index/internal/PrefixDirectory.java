package org.recourse.pdq.index.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Where the entries of each chunk prefix start, for entries grouped by the top bits of a chunk
 * value: bucket b spans positions {@code start(b)} to {@code start(b + 1)}. A lookup within
 * radius r visits every bucket whose prefix is within r bits of the query's and then needs only
 * the remaining low bits (the residual) of each entry.
 *
 * <p>The prefix grows with the segment so that a bucket holds about 8–16 entries: small buckets
 * mean few entries to scan, but each extra prefix bit adds neighbour buckets to visit, and every
 * visit is a random memory access (measured at 1 M hashes: 8–16 per bucket was faster than
 * 16–32).
 *
 * <p>Starts are kept as 8-bit offsets from the start of their block of 2^k buckets (k ≥ 3, as
 * large as the blocks' sizes allow), so a directory costs about 1.25 bytes per bucket instead of
 * 4; where some block of 8 buckets holds more than 255 entries, as 16-bit offsets (about 2 bytes
 * per bucket); and only where a single bucket holds 65 536 entries or more, as plain int starts.
 * The offsets of all of a segment's directories share one array: at 10 M hashes each would be
 * over 1 MB, and the JVM's G1 collector gives every array of half a heap region (2 MB at an 8 GB
 * heap) or more whole regions, which would waste up to as much again.
 */
final class PrefixDirectory {

    private static final int MIN_PREFIX_BITS = 16;
    private static final int MAX_PREFIX_BITS = 20;
    private static final int ROWS_PER_BUCKET_BITS = 3;
    private static final int MAX_BLOCK_BITS = 12;
    /**
     * The fewest buckets per block (as bits) for 8-bit offsets and for 16-bit ones: with smaller
     * blocks the block starts would cost as much as the next wider form.
     */
    private static final int MIN_BYTE_BLOCK_BITS = 3;
    private static final int MIN_SHORT_BLOCK_BITS = 2;
    private static final VarHandle SHORT_AT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /** For p prefix bits and radius r, every p-bit mask with at most r bits set, ascending. */
    private static final int[][][] MASKS_WITHIN = masksWithin();

    private final int prefixBits;
    private final int residualBits;
    /** Set when the starts do not fit 16-bit offsets; then the fields below are unused. */
    private final int[] wideStarts;
    private final byte[] offsets;
    private final int offsetsFrom;
    private final int offsetBytes;
    private final int blockBits;
    private final int[] blockStarts;

    private PrefixDirectory(int prefixBits, int residualBits, int[] wideStarts, byte[] offsets, int offsetsFrom,
            int offsetBytes, int blockBits, int[] blockStarts) {
        this.prefixBits = prefixBits;
        this.residualBits = residualBits;
        this.wideStarts = wideStarts;
        this.offsets = offsets;
        this.offsetsFrom = offsetsFrom;
        this.offsetBytes = offsetBytes;
        this.blockBits = blockBits;
        this.blockStarts = blockStarts;
    }

    /** The prefix bits for a segment of {@code size} rows: about 8–16 rows per bucket. */
    static int prefixBits(int size) {
        int log2 = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
        return Math.max(MIN_PREFIX_BITS, Math.min(MAX_PREFIX_BITS, log2 - ROWS_PER_BUCKET_BITS));
    }

    /**
     * The counting pass of a build: {@code starts[b]} is where bucket b's entries begin and
     * {@code starts[2^prefixBits]} is {@code size}; {@code chunkOfRow} gives a row's chunk value.
     */
    static int[] countStarts(int size, int prefixBits, int chunkWidth, IntUnaryOperator chunkOfRow) {
        int shift = chunkWidth - prefixBits;
        int buckets = 1 << prefixBits;
        int[] starts = new int[buckets + 1];
        for (int row = 0; row < size; row++) {
            starts[(chunkOfRow.applyAsInt(row) >>> shift) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        return starts;
    }

    /**
     * Directories for counted starts ({@link #countStarts}), their offsets in one shared array;
     * {@code chunkWidths[i]} is the width of the chunk {@code starts[i]} was counted for.
     */
    static PrefixDirectory[] pack(int[][] starts, int[] chunkWidths) {
        int[] offsetBytes = new int[starts.length];
        int[] blockBits = new int[starts.length];
        long shared = 0;
        for (int i = 0; i < starts.length; i++) {
            blockBits[i] = blockBitsFor(starts[i], 0xFF, MIN_BYTE_BLOCK_BITS);
            offsetBytes[i] = 1;
            if (blockBits[i] < 0) {
                blockBits[i] = blockBitsFor(starts[i], 0xFFFF, MIN_SHORT_BLOCK_BITS);
                offsetBytes[i] = blockBits[i] < 0 ? 0 : 2;
            }
            shared += (long) offsetBytes[i] * starts[i].length;
        }
        byte[] offsets = new byte[Math.toIntExact(shared)];
        PrefixDirectory[] directories = new PrefixDirectory[starts.length];
        int from = 0;
        for (int i = 0; i < starts.length; i++) {
            int[] s = starts[i];
            int prefixBits = Integer.numberOfTrailingZeros(s.length - 1);
            int residualBits = chunkWidths[i] - prefixBits;
            if (offsetBytes[i] == 0) {
                directories[i] = new PrefixDirectory(prefixBits, residualBits, s, null, 0, 0, 0, null);
                continue;
            }
            int k = blockBits[i];
            int[] blockStarts = new int[((s.length - 1) >>> k) + 1];
            for (int b = 0; b < s.length; b++) {
                if ((b & ((1 << k) - 1)) == 0) {
                    blockStarts[b >>> k] = s[b];
                }
                int offset = s[b] - blockStarts[b >>> k];
                if (offsetBytes[i] == 1) {
                    offsets[from + b] = (byte) offset;
                } else {
                    SHORT_AT.set(offsets, from + 2 * b, (short) offset);
                }
            }
            directories[i] = new PrefixDirectory(prefixBits, residualBits, null, offsets, from, offsetBytes[i], k, blockStarts);
            from += offsetBytes[i] * s.length;
        }
        return directories;
    }

    /**
     * The largest block size (as bits, at least {@code minBits}) whose offsets are at most
     * {@code maxOffset}, or -1 if there is none.
     */
    private static int blockBitsFor(int[] starts, int maxOffset, int minBits) {
        for (int k = MAX_BLOCK_BITS; k >= minBits; k--) {
            boolean fits = true;
            for (int b = 0; b < starts.length && fits; b++) {
                fits = starts[b] - starts[(b >>> k) << k] <= maxOffset;
            }
            if (fits) {
                return k;
            }
        }
        return -1;
    }

    int prefixBits() {
        return prefixBits;
    }

    int residualBits() {
        return residualBits;
    }

    int prefix(int value) {
        return value >>> residualBits;
    }

    int residual(int value) {
        return value & ((1 << residualBits) - 1);
    }

    /** Where bucket {@code bucket}'s entries start; {@code start(b + 1)} is where they end. */
    int start(int bucket) {
        if (offsetBytes == 1) {
            return blockStarts[bucket >>> blockBits] + (offsets[offsetsFrom + bucket] & 0xFF);
        }
        if (offsetBytes == 2) {
            return blockStarts[bucket >>> blockBits] + ((short) SHORT_AT.get(offsets, offsetsFrom + 2 * bucket) & 0xFFFF);
        }
        return wideStarts[bucket];
    }

    /** The bucket whose entries include position {@code position}: a binary search over the starts. */
    int bucketOf(int position) {
        int low = 0;
        int high = (1 << prefixBits) - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (start(middle) <= position) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The prefix masks a lookup within {@code radius} visits: bucket = query prefix ^ mask. */
    int[] masks(int radius) {
        return MASKS_WITHIN[prefixBits][radius];
    }

    /** Writes the start and end of bucket {@code prefix(value) ^ masks[m]} to {@code bounds[2m], bounds[2m+1]}. */
    void fillBounds(int value, int[] masks, int[] bounds) {
        int queryPrefix = prefix(value);
        for (int m = 0; m < masks.length; m++) {
            int bucket = queryPrefix ^ masks[m];
            bounds[2 * m] = start(bucket);
            bounds[2 * m + 1] = start(bucket + 1);
        }
    }

    /** This directory's own bytes (its share of the shared offsets plus its block starts). */
    long memoryBytes() {
        if (wideStarts != null) {
            return 4L * wideStarts.length;
        }
        return (long) offsetBytes * ((1L << prefixBits) + 1) + 4L * blockStarts.length;
    }

    /** Room for the bounds of the largest lookup. */
    static int[] newBounds() {
        return new int[2 * MASKS_WITHIN[MAX_PREFIX_BITS][ChunkLayout.MAX_RADIUS].length];
    }

    private static int[][][] masksWithin() {
        int[][][] masks = new int[MAX_PREFIX_BITS + 1][ChunkLayout.MAX_RADIUS + 1][];
        for (int bits = MIN_PREFIX_BITS; bits <= MAX_PREFIX_BITS; bits++) {
            for (int radius = 0; radius <= ChunkLayout.MAX_RADIUS; radius++) {
                int within = radius;
                masks[bits][radius] = IntStream.range(0, 1 << bits).filter(mask -> Integer.bitCount(mask) <= within).toArray();
            }
        }
        return masks;
    }
}
