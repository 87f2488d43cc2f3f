package org.recourse.intake.internal.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.recourse.audit.AuditActor;
import org.recourse.intake.internal.IntakeSettings;
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
 * second cost tens of commits (WAL flushes) instead of a thousand. A lone request waits for no
 * one: the writer starts as soon as something is queued.
 *
 * <p>If a batch fails, its transaction rolled back as a whole and each report is written again in
 * a transaction of its own, so one bad report never costs the others theirs.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending(Submission submission, CompletableFuture<Optional<Submitted>> outcome) {
    }

    private final SubmittingReport submitting;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final int writers;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(SubmittingReport submitting, TransactionTemplate transactions, IntakeSettings settings) {
        this.submitting = submitting;
        this.transactions = transactions;
        this.maxBatch = Math.max(1, settings.api().maxBatch());
        this.writers = Math.max(1, settings.api().writers());
    }

    /**
     * Writes the report with whatever else is being submitted and returns once it is committed.
     *
     * @return its case, or empty if its idempotency key was already claimed
     */
    public Optional<Submitted> submit(Submission submission) {
        if (!running) {
            // Before start-up finished or while shutting down: write it on this thread.
            return write(List.of(submission)).getFirst();
        }
        Pending pending = new Pending(submission, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.outcome().get();
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
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Optional<Submitted>> outcomes = write(batch.stream().map(Pending::submission).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().outcome().completeExceptionally(e);
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

    /** Stops after the web server (lower phase): what was accepted is written before the database goes. */
    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        // Whatever slipped in while the writers were finishing.
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> commit(List.of(pending)));
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
