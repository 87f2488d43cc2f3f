package org.recourse.pdq.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.index.Match;
import org.recourse.pdq.index.PdqIndex;

/**
 * Radius-31 queries per second on two threads (the machine's two cores) against an index of
 * random hashes in which 1 % are near-duplicate families; a quarter of the queries are
 * near-duplicates (0–40 bits) of stored hashes, the rest random, searched one at a time and in
 * batches of 1,000. Setup checks recall against a brute-force scan on a sample of queries
 * (single and batch) and prints the index's bytes per hash.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class MatchingBenchmark {

    private static final int QUERIES = 4096;
    private static final int RECALL_SAMPLE = 40;
    private static final int BATCH = 1000;

    @Param({"1000000", "10000000"})
    public int size;

    private PdqIndex index;
    private Hash256[] queries;
    /** Eight batches of consecutive queries, each starting where the previous one ended. */
    private Hash256[][] batches;
    private final AtomicInteger next = new AtomicInteger();
    private final CpuTimeRate cpu = new CpuTimeRate();

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(size);
        long[] words = new long[4 * size];
        for (int i = 0; i < size; i++) {
            if (i % 100 == 1) {
                System.arraycopy(words, 4 * (i - 1), words, 4 * i, 4);
                flip(words, i, 1 + random.nextInt(30), random);
            } else {
                for (int w = 0; w < 4; w++) {
                    words[4 * i + w] = random.nextLong();
                }
            }
        }
        long heapBefore = usedHeapAfterGc();
        index = indexOf(words);
        long heapAfter = usedHeapAfterGc();

        queries = new Hash256[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            if (q % 4 == 0) {
                int row = random.nextInt(size);
                long[] query = new long[4];
                System.arraycopy(words, 4 * row, query, 0, 4);
                flipWords(query, random.nextInt(41), random);
                queries[q] = Hash256.fromWords(query);
            } else {
                queries[q] = new Hash256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            }
        }
        batches = new Hash256[8][BATCH];
        for (int b = 0; b < batches.length; b++) {
            for (int i = 0; i < BATCH; i++) {
                batches[b][i] = queries[(b * BATCH + i) & (QUERIES - 1)];
            }
        }
        checkRecall(words);
        System.out.printf("%n[index] %d hashes: %.1f bytes/hash by array sizes; %.1f bytes/hash of heap"
                        + " (used heap after a full GC, before the input arrays were made and after the index was built)%n",
                size, (double) index.memoryBytes() / size, (double) (heapAfter - heapBefore) / size);
    }

    /** Gives the index arrays of its own (ids 0..size-1), which it may keep or copy. */
    private static PdqIndex indexOf(long[] words) {
        long[] ids = new long[words.length / 4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        PdqIndex built = new PdqIndex();
        built.addAll(ids, words.clone());
        return built;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private void checkRecall(long[] words) {
        int expectedTotal = 0;
        int foundTotal = 0;
        for (int q = 0; q < RECALL_SAMPLE; q++) {
            Hash256 query = queries[q];
            int expected = 0;
            for (int row = 0; row < size; row++) {
                int distance = Long.bitCount(words[4 * row] ^ query.w0())
                        + Long.bitCount(words[4 * row + 1] ^ query.w1())
                        + Long.bitCount(words[4 * row + 2] ^ query.w2())
                        + Long.bitCount(words[4 * row + 3] ^ query.w3());
                if (distance <= PdqIndex.DEFAULT_MAX_DISTANCE) {
                    expected++;
                }
            }
            expectedTotal += expected;
            foundTotal += index.search(query).size();
        }
        Hash256[] sample = Arrays.copyOf(queries, RECALL_SAMPLE);
        List<List<Match>> batched = index.searchAll(sample, PdqIndex.DEFAULT_MAX_DISTANCE);
        for (int q = 0; q < RECALL_SAMPLE; q++) {
            if (!batched.get(q).equals(index.search(sample[q]))) {
                throw new IllegalStateException("searchAll differs from search for query " + q);
            }
        }
        System.out.printf("%n[recall] %d of %d brute-force matches found on %d sample queries%n",
                foundTotal, expectedTotal, RECALL_SAMPLE);
        if (foundTotal != expectedTotal) {
            throw new IllegalStateException("recall below 100 %");
        }
    }

    private static void flip(long[] words, int row, int bits, SplittableRandom random) {
        long[] hash = new long[4];
        System.arraycopy(words, 4 * row, hash, 0, 4);
        flipWords(hash, bits, random);
        System.arraycopy(hash, 0, words, 4 * row, 4);
    }

    private static void flipWords(long[] hash, int bits, SplittableRandom random) {
        long[] original = hash.clone();
        int flipped = 0;
        while (flipped < bits) {
            int k = random.nextInt(256);
            long mask = 1L << (k & 63);
            if ((hash[k >>> 6] & mask) == (original[k >>> 6] & mask)) {
                hash[k >>> 6] ^= mask;
                flipped++;
            }
        }
    }

    @Setup(Level.Iteration)
    public void startCpuClock() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void reportCpuRate() {
        cpu.report("queries");
    }

    @Benchmark
    public List<Match> searchRadius31() {
        cpu.count(1);
        return index.search(queries[next.getAndIncrement() & (QUERIES - 1)]);
    }

    /** The same queries in batches of 1,000 through {@link PdqIndex#searchAll}; the score is still queries per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<List<Match>> searchAllRadius31() {
        cpu.count(BATCH);
        return index.searchAll(batches[next.getAndIncrement() & (batches.length - 1)], PdqIndex.DEFAULT_MAX_DISTANCE);
    }
}
