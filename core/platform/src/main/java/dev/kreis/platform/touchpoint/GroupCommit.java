package dev.kreis.platform.touchpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Group commit: items submitted concurrently, each by its own caller, are written together, so one
 * transaction, one commit and one set of lookups serve a whole group instead of one item each.
 *
 * <p>A caller queues its item and gets a future; nobody waits for company. When fewer than
 * {@code writers} groups are being written, a writer starts at once on the executor and writes group
 * after group — everything queued, at most {@code maxItems} at a time — until the queue is empty. A
 * lone item is therefore written alone, at once; under load, the items that arrive while one group is
 * written form the next. Callers need no thread of their own while they wait.
 *
 * <p>Each future completes with its own item's result. When writing a group fails as a whole, every item
 * of it is written again on its own, so one item's failure is that item's caller's alone — as if it had
 * come by itself.
 *
 * @param <I> what a caller submits
 * @param <R> what it gets back
 */
final class GroupCommit<I, R> {
    private final Function<List<I>, List<R>> write;
    private final Semaphore writers;
    private final int maxItems;
    private final Executor executor;
    private final ConcurrentLinkedQueue<Waiting<I, R>> queue = new ConcurrentLinkedQueue<>();

    /**
     * @param write writes a group and answers one result per item, in order; it may throw
     * @param writers how many groups may be written at the same time (at least 1)
     * @param maxItems the most items in one group (at least 1)
     * @param executor where writers run; they block on the database
     */
    GroupCommit(Function<List<I>, List<R>> write, int writers, int maxItems, Executor executor) {
        if (writers < 1 || maxItems < 1) {
            throw new IllegalArgumentException("writers and maxItems must be at least 1");
        }
        this.write = write;
        this.writers = new Semaphore(writers);
        this.maxItems = maxItems;
        this.executor = executor;
    }

    /** Queues the item; the future completes with its result, or its failure, once its group is written. */
    CompletableFuture<R> submit(I item) {
        Waiting<I, R> waiting = new Waiting<>(item);
        queue.add(waiting);
        startWriter();
        return waiting.future;
    }

    private void startWriter() {
        if (queue.isEmpty() || !writers.tryAcquire()) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    for (List<Waiting<I, R>> group = drain(); !group.isEmpty(); group = drain()) {
                        writeGroup(group);
                    }
                } finally {
                    writers.release();
                }
                startWriter(); // for an item queued after the last drain, before the release
            });
        } catch (RuntimeException e) { // the executor refused (shutting down)
            writers.release();
            for (List<Waiting<I, R>> group = drain(); !group.isEmpty(); group = drain()) {
                group.forEach(waiting -> waiting.future.completeExceptionally(e));
            }
        }
    }

    private List<Waiting<I, R>> drain() {
        List<Waiting<I, R>> group = new ArrayList<>();
        for (Waiting<I, R> next; group.size() < maxItems && (next = queue.poll()) != null;) {
            group.add(next);
        }
        return group;
    }

    private void writeGroup(List<Waiting<I, R>> group) {
        List<R> results;
        try {
            results = write.apply(group.stream().map(w -> w.item).toList());
        } catch (RuntimeException | Error e) {
            if (group.size() == 1 || e instanceof Error) {
                group.forEach(waiting -> waiting.future.completeExceptionally(e));
                return;
            }
            group.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).future.complete(results.get(i));
        }
    }

    private void writeAlone(Waiting<I, R> waiting) {
        try {
            waiting.future.complete(write.apply(List.of(waiting.item)).get(0));
        } catch (RuntimeException | Error e) {
            waiting.future.completeExceptionally(e);
        }
    }

    private record Waiting<I, R>(I item, CompletableFuture<R> future) {
        Waiting(I item) {
            this(item, new CompletableFuture<>());
        }
    }
}
