package org.recourse.pdq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.recourse.pdq.HashResult;
import org.recourse.pdq.PdqHasher;
import org.recourse.pdq.UnreadableImageException;

/**
 * Images hashed per second on one thread (one core): decode + PDQ + MD5 + SHA-256 of
 * 1600×1200 JPEGs held in memory. The corpus directory is {@code -Dpdq.bench.corpus}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class HashingBenchmark {

    private final PdqHasher hasher = new PdqHasher();
    private List<byte[]> images;
    private int next;
    private final CpuTimeRate cpu = new CpuTimeRate();

    @Setup
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("pdq.bench.corpus", "pdq/target/bench-corpus"));
        images = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                images.add(Files.readAllBytes(file));
            }
        }
        if (images.isEmpty()) {
            throw new IllegalStateException("no .jpg files in " + corpus + "; run SyntheticPhotos first");
        }
    }

    @Setup(Level.Iteration)
    public void startCpuClock() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void reportCpuRate() {
        cpu.report("images");
    }

    @Benchmark
    public HashResult hashJpeg() throws UnreadableImageException {
        byte[] image = images.get(next);
        next = (next + 1) % images.size();
        cpu.count(1);
        return hasher.hash(image);
    }
}
