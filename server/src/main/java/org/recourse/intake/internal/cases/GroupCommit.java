package org.recourse.intake.internal.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.recourse.audit.AuditActor;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the partner API: requests hand their report to a writer thread and wait; the
 * writer takes everything that has queued up meanwhile (up to {@code max-batch}) and writes it in
 * one transaction with one batched round trip per table. Durability is unchanged — each caller
 * gets its answer only after the commit that contains its report — but a thousand reports a
 * second cost tens of commits (WAL flushes) instead of a thousand. A writer waits up to
 * {@code batch-window} (20 ms by default) after the first report for others to join it: a
 * transaction's fixed cost — a dozen round trips and a WAL flush, about 3 ms of CPU — is then
 * shared by several reports even when they arrive a few hundred a second.
 *
 * <p>A request waits in the queue until its deadline at most: a report no writer has taken by
 * then is withdrawn — it is never written — and the caller is told {@link Busy} (503, try again),
 * so overload is answered within a bounded time instead of a queue growing for tens of seconds.
 * A report a writer has taken waits for its transaction, so its answer is the truth.
 *
 * <p>If a batch fails, its transaction rolled back as a whole and each report is written again in
 * a transaction of its own, so one bad report never costs the others theirs — unless the database
 * itself is unavailable: then every report of the batch fails at once (503), instead of each
 * waiting for a connection in turn.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int WITHDRAWN = 2;
    /** How long stopping waits for the writers to finish what they hold. */
    private static final long STOP_WAIT_MILLIS = 3_000;

    /** The report could not be written in time: nothing of it was stored; the caller may retry. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("no writer took the report before its deadline", null, false, false);
        }
    }

    private static final class Pending {
        final Submission submission;
        final long deadlineNanos;
        final CompletableFuture<Optional<Submitted>> outcome = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(QUEUED);

        Pending(Submission submission, long deadlineNanos) {
            this.submission = submission;
            this.deadlineNanos = deadlineNanos;
        }

        /** A writer takes it, unless its caller has withdrawn it or its time is up (then it is refused). */
        boolean take(long now) {
            if (now - deadlineNanos > 0) {
                if (state.compareAndSet(QUEUED, WITHDRAWN)) {
                    outcome.completeExceptionally(new Busy());
                }
                return false;
            }
            return state.compareAndSet(QUEUED, TAKEN);
        }
    }

    /** Wakes a writer to end its loop. */
    private static final Pending STOP = new Pending(null, 0);

    private final SubmittingReport submitting;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final int writers;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock gathering = new ReentrantLock();
    private final long windowNanos;
    private volatile boolean running;

    GroupCommit(SubmittingReport submitting, TransactionTemplate transactions, IntakeSettings settings) {
        this.submitting = submitting;
        this.transactions = transactions;
        this.maxBatch = Math.max(1, settings.api().maxBatch());
        this.writers = Math.max(1, settings.api().writers());
        this.windowNanos = Math.max(0, settings.api().batchWindow().toNanos());
    }

    /** As {@link #submit(Submission, long)}, waiting as long as it takes. */
    public Optional<Submitted> submit(Submission submission) {
        return submit(submission, System.nanoTime() + TimeUnit.DAYS.toNanos(1));
    }

    /**
     * Writes the report with whatever else is being submitted and returns once it is committed.
     *
     * @param deadlineNanos the {@link System#nanoTime()} by which a writer must have taken it
     * @return its case, or empty if its idempotency key was already claimed
     * @throws Busy if no writer took it in time (nothing was written)
     */
    public Optional<Submitted> submit(Submission submission, long deadlineNanos) {
        if (!running) {
            // Before start-up finished or while shutting down: write it on this thread.
            return write(List.of(submission)).getFirst();
        }
        Pending pending = new Pending(submission, deadlineNanos);
        queue.add(pending);
        try {
            try {
                return pending.outcome.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                if (pending.state.compareAndSet(QUEUED, WITHDRAWN)) {
                    queue.remove(pending);
                    throw new Busy();
                }
                // A writer has it in a transaction: its outcome follows the commit.
                return pending.outcome.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the report was being written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private List<Optional<Submitted>> write(List<Submission> submissions) {
        return transactions.execute(status ->
                AuditActor.supplyAs("system:intake", () -> submitting.submitAll(submissions)));
    }

    private void writeLoop() {
        List<Pending> drained = new ArrayList<>(maxBatch);
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            try {
                gather(drained);
                long now = System.nanoTime();
                for (Pending pending : drained) {
                    if (pending == STOP) {
                        if (stopping) {
                            queue.add(STOP); // another writer's
                        }
                        stopping = true;
                    } else if (pending.take(now)) {
                        batch.add(pending);
                    }
                }
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                drained.clear();
                batch.clear();
            }
        }
    }

    /**
     * Takes the next report and whatever arrives within the batch window after it, up to
     * {@code max-batch}. One writer gathers at a time, so while one commits the other fills the
     * next batch; without the window a writer that is free commits every report on its own, and at
     * a few hundred reports a second each would pay a transaction's fixed cost alone.
     */
    private void gather(List<Pending> drained) throws InterruptedException {
        gathering.lockInterruptibly();
        try {
            drained.add(queue.take());
            queue.drainTo(drained, maxBatch - drained.size());
            long windowEnd = System.nanoTime() + windowNanos;
            while (drained.size() < maxBatch && !drained.contains(STOP)) {
                long left = windowEnd - System.nanoTime();
                Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return;
                }
                drained.add(next);
                queue.drainTo(drained, maxBatch - drained.size());
            }
        } finally {
            gathering.unlock();
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Optional<Submitted>> outcomes = write(batch.stream().map(p -> p.submission).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome.complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1 || DatabaseUnavailable.causedBy(e)) {
                batch.forEach(pending -> pending.outcome.completeExceptionally(e));
                return;
            }
            log.warn("A batch of {} reports failed ({}); writing them one by one", batch.size(), e.getClass().getSimpleName());
            for (Pending pending : batch) {
                commit(List.of(pending));
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().name("intake-writer-" + i).daemon().start(this::writeLoop));
        }
    }

    /**
     * Stops after the web server (lower phase): what was accepted is written before the database
     * goes. A writer still busy after a few seconds (a database that does not answer) is left; the
     * reports it holds were never confirmed to anyone.
     */
    @Override
    public void stop() {
        running = false;
        threads.forEach(thread -> queue.add(STOP));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        // Whatever slipped in while the writers were finishing: one transaction, then answered.
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        long now = System.nanoTime();
        left.removeIf(pending -> pending == STOP || !pending.take(now));
        if (!left.isEmpty()) {
            commit(left);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
