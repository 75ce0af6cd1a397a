package dev.kreis.platform.touchpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit: items submitted concurrently, each by its own caller, are written together, so one
 * transaction, one commit and one set of lookups serve a whole group instead of one item each.
 *
 * <p>A caller queues its item and gets a future. When fewer than {@code writers} groups are being
 * written, a writer starts at once on the executor and writes group after group — everything queued, at
 * most {@code maxItems} at a time — until the queue is empty. With {@code maxWaitNanos} 0 nobody waits
 * for company: a lone item is written alone, at once, and under load the items that arrive while one
 * group is written form the next. With a wait, a writer facing fewer than {@code maxItems} queued items
 * waits at most that long for more before it writes them. Callers need no thread of their own while
 * they wait.
 *
 * <p>At most {@code maxQueued} items wait at a time: {@link #submit} refuses more with {@link Full}, so a
 * burst larger than the database can take is pushed back to its senders instead of filling the heap.
 *
 * <p>Each future completes with its own item's result, only once its group's write returned (for a
 * database, after the commit). When writing a group fails as a whole, every item of it is written again
 * on its own, so one item's failure is that item's caller's alone — as if it had come by itself.
 *
 * @param <I> what a caller submits
 * @param <R> what it gets back
 */
final class GroupCommit<I, R> {
    private final Function<List<I>, List<R>> write;
    private final Semaphore writers;
    private final int maxItems;
    private final int maxQueued;
    private final long maxWaitNanos;
    private final Executor executor;
    private final ConcurrentLinkedQueue<Waiting<I, R>> queue = new ConcurrentLinkedQueue<>();
    /** Items submitted and not yet taken into a group (a place is taken before the item is queued). */
    private final AtomicInteger queued = new AtomicInteger();
    /** A writer waiting for company, to be woken when a full group is queued. */
    private volatile Thread lingering;

    /** The queue holds {@code maxQueued} items already; the caller should come back later. */
    static final class Full extends RuntimeException {
        Full(int maxQueued) {
            super(maxQueued + " items are waiting to be written, the most allowed", null, false, false);
        }
    }

    /**
     * @param write writes a group and answers one result per item, in order; it may throw
     * @param writers how many groups may be written at the same time (at least 1)
     * @param maxItems the most items in one group (at least 1)
     * @param maxQueued the most items waiting to be written (at least 1)
     * @param maxWaitNanos how long a writer waits for a group to fill before writing it (0: not at all)
     * @param executor where writers run; they block on the database
     */
    GroupCommit(Function<List<I>, List<R>> write, int writers, int maxItems, int maxQueued, long maxWaitNanos, Executor executor) {
        if (writers < 1 || maxItems < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("writers, maxItems and maxQueued must be at least 1");
        }
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWaitNanos must not be negative");
        }
        this.write = write;
        this.writers = new Semaphore(writers);
        this.maxItems = maxItems;
        this.maxQueued = maxQueued;
        this.maxWaitNanos = maxWaitNanos;
        this.executor = executor;
    }

    /**
     * Queues the item; the future completes with its result, or its failure, once its group is written.
     *
     * @throws Full when {@code maxQueued} items are waiting already; nothing was queued
     */
    CompletableFuture<R> submit(I item) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            throw new Full(maxQueued);
        }
        Waiting<I, R> waiting = new Waiting<>(item);
        queue.add(waiting);
        Thread waitingWriter = lingering;
        if (waitingWriter != null && queued.get() >= maxItems) {
            LockSupport.unpark(waitingWriter);
        }
        startWriter();
        return waiting.future;
    }

    /** Items waiting to be written now. */
    int queued() {
        return queued.get();
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
            for (List<Waiting<I, R>> group = take(); !group.isEmpty(); group = take()) {
                group.forEach(waiting -> waiting.future.completeExceptionally(e));
            }
        }
    }

    /** The next group: after waiting up to {@code maxWaitNanos} for it to fill, what is queued, at most {@code maxItems}. */
    private List<Waiting<I, R>> drain() {
        if (maxWaitNanos > 0 && !queue.isEmpty() && queued.get() < maxItems) {
            lingering = Thread.currentThread();
            try {
                long deadline = System.nanoTime() + maxWaitNanos;
                for (long left = maxWaitNanos; left > 0 && queued.get() < maxItems; left = deadline - System.nanoTime()) {
                    LockSupport.parkNanos(this, left);
                }
            } finally {
                lingering = null;
            }
        }
        return take();
    }

    private List<Waiting<I, R>> take() {
        List<Waiting<I, R>> group = new ArrayList<>();
        for (Waiting<I, R> next; group.size() < maxItems && (next = queue.poll()) != null;) {
            queued.decrementAndGet();
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
