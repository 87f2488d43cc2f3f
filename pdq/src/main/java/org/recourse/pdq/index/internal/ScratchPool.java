package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few working spaces kept for the next search. A server runs each look-up on a thread of its
 * own (a virtual thread per request), so a thread-local space would be made afresh every time: a
 * single look-up's lists grow to tens of kilobytes and a batch's to tens of megabytes, which at
 * thousands of look-ups a second was a fifth of all the garbage the server made. Spaces are kept in
 * a few slots picked by thread id; taking one empties its slot, so no two searches share a space,
 * and a search that finds its slot empty makes a new one.
 */
public final class ScratchPool<T> {

    private final AtomicReferenceArray<T> slots;
    private final Supplier<T> fresh;

    /** {@code slots}: a power of two. */
    public ScratchPool(int slots, Supplier<T> fresh) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.fresh = fresh;
    }

    public T take() {
        T kept = slots.getAndSet(slot(), null);
        return kept != null ? kept : fresh.get();
    }

    /** Keeps {@code scratch} for a later search (replacing one kept in the same slot). */
    public void give(T scratch) {
        slots.set(slot(), scratch);
    }

    private int slot() {
        return (int) (Thread.currentThread().threadId() & (slots.length() - 1));
    }
}
