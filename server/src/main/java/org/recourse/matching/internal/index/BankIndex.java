package org.recourse.matching.internal.index;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.recourse.matching.SignalType;
import org.recourse.matching.internal.bank.Bank;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.index.Match;
import org.recourse.pdq.index.PdqIndex;

/**
 * One bank's signals in memory: PDQ hashes in the library's exact radius index, MD5 and SHA-256 in
 * hash maps. One writer (the sync) at a time; look-ups run concurrently and take no lock.
 */
final class BankIndex {

    private static final long[] NONE = new long[0];

    private volatile Bank bank;
    private final PdqIndex pdq = new PdqIndex();
    private final Map<SignalType, ConcurrentHashMap<String, long[]>> exact = new EnumMap<>(SignalType.class);
    /** Entry id → its exact signal, so a removal that names only the entry finds it. */
    private final ConcurrentHashMap<Long, String> exactSignals = new ConcurrentHashMap<>();
    private final Map<SignalType, AtomicInteger> exactSizes = new EnumMap<>(SignalType.class);

    BankIndex(Bank bank) {
        this.bank = bank;
        for (SignalType type : List.of(SignalType.MD5, SignalType.SHA256)) {
            exact.put(type, new ConcurrentHashMap<>());
            exactSizes.put(type, new AtomicInteger());
        }
    }

    Bank bank() {
        return bank;
    }

    void update(Bank changed) {
        bank = changed;
    }

    void add(long entryId, SignalType type, String hex) {
        if (type == SignalType.PDQ) {
            pdq.add(entryId, Hash256.fromHex(hex));
            return;
        }
        exact.get(type).merge(hex, new long[] {entryId}, BankIndex::concat);
        exactSignals.put(entryId, hex);
        exactSizes.get(type).incrementAndGet();
    }

    /** Bulk load of PDQ hashes (4 words each); the index takes the arrays. */
    void addPdq(long[] ids, long[] words) {
        pdq.addAll(ids, words);
    }

    void remove(long entryId, SignalType type) {
        if (type == SignalType.PDQ) {
            pdq.remove(entryId);
            return;
        }
        String hex = exactSignals.remove(entryId);
        if (hex == null) {
            return;
        }
        exact.get(type).computeIfPresent(hex, (key, ids) -> {
            long[] left = Arrays.stream(ids).filter(id -> id != entryId).toArray();
            return left.length == 0 ? null : left;
        });
        exactSizes.get(type).decrementAndGet();
    }

    /** The matches of each query, in the order given, within the bank's threshold. */
    List<List<Match>> pdqMatches(Hash256[] queries) {
        return pdq.searchAll(queries, bank.pdqThreshold());
    }

    long[] exactMatches(SignalType type, String hex) {
        return exact.get(type).getOrDefault(hex, NONE);
    }

    int size(SignalType type) {
        return type == SignalType.PDQ ? pdq.size() : exactSizes.get(type).get();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
