package org.recourse.pdq.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ids of an index file, stored as one UTF-8 byte array with offsets instead of a String
 * each: about the id's length plus 8 bytes per hash, rather than 60 and more.
 */
final class IdTable {

    private byte[] bytes = new byte[1 << 16];
    private long[] ends = new long[1 << 12];
    private long length;
    private int size;

    int add(String id) {
        byte[] encoded = id.getBytes(StandardCharsets.UTF_8);
        if (length + encoded.length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2 GB of ids in one index file");
        }
        if (length + encoded.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(bytes.length * 2L, length + encoded.length)));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        System.arraycopy(encoded, 0, bytes, (int) length, encoded.length);
        length += encoded.length;
        ends[size] = length;
        return size++;
    }

    String get(int index) {
        int start = index == 0 ? 0 : (int) ends[index - 1];
        return new String(bytes, start, (int) ends[index] - start, StandardCharsets.UTF_8);
    }

    int size() {
        return size;
    }
}
