package org.recourse.pdq.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Operations per second of this process's CPU time, next to JMH's wall-clock score. The
 * benchmark machine's two cores are shared with other builds, so wall-clock throughput
 * understates what the code does on a core of its own; CPU time does not (much).
 */
final class CpuTimeRate {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final AtomicLong operations = new AtomicLong();
    private long startCpuNanos;
    private long startOperations;

    void start() {
        startCpuNanos = os.getProcessCpuTime();
        startOperations = operations.get();
    }

    void count(int done) {
        operations.addAndGet(done);
    }

    void report(String what) {
        double cpuSeconds = (os.getProcessCpuTime() - startCpuNanos) / 1e9;
        long done = operations.get() - startOperations;
        System.out.printf("%n[cpu] %d %s in %.2f s of process CPU time: %.1f per CPU-second (load average %.1f)%n",
                done, what, cpuSeconds, done / cpuSeconds, os.getSystemLoadAverage());
    }
}
