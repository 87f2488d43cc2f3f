package org.recourse.pdq.internal;

/**
 * The reference hasher (pdq-photo-hasher, {@code pdqio.cpp}) first shrinks any image larger
 * than 512 pixels in either dimension to exactly 512×512 with CImg's nearest-neighbour resize,
 * because the Jarosz blur is slow on large images. Meta's description of the algorithm does not
 * mention it, but the reference's hashes depend on it: without it large lossless images are
 * 6–10 bits off. Pixel {@code x} of the output is pixel {@code floor(x·old/512)} of the input.
 */
final class ReferenceResize {

    static final int LIMIT = 512;

    private ReferenceResize() {}

    static boolean applies(int rows, int cols) {
        return rows > LIMIT || cols > LIMIT;
    }

    /** For each output index, the input index it copies; the identity when no resize applies. */
    static int[] sourceIndices(int oldSize, boolean resize) {
        int newSize = resize ? LIMIT : oldSize;
        int[] source = new int[newSize];
        for (int x = 0; x < newSize; x++) {
            source[x] = (int) ((long) x * oldSize / newSize);
        }
        return source;
    }
}
