package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few working spaces kept for the next search. A server runs each look-up on a thread of its
 * own (a virtual thread per request), so a thread-local space would be made afresh every time: a
 * single look-up's lists grow to tens of kilobytes and a batch's to tens of megabytes, which at
 * thousands of look-ups a second was a fifth of all the garbage the server made. Spaces are kept in
 * a few slots, looked through from one picked by thread id; taking a space empties its slot, so no
 * two searches share one, and a search that finds every slot empty makes a new one.
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
        int start = slot();
        for (int i = 0; i < slots.length(); i++) {
            T kept = slots.getAndSet((start + i) & (slots.length() - 1), null);
            if (kept != null) {
                return kept;
            }
        }
        return fresh.get();
    }

    /** Keeps {@code scratch} for a later search in the first empty slot; when every slot is taken, it is let go. */
    public void give(T scratch) {
        int start = slot();
        for (int i = 0; i < slots.length(); i++) {
            if (slots.compareAndSet((start + i) & (slots.length() - 1), null, scratch)) {
                return;
            }
        }
    }

    private int slot() {
        return (int) (Thread.currentThread().threadId() & (slots.length() - 1));
    }
}
