package dev.kreis.platform.touchpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit: items submitted concurrently, each by its own caller, are written together, so one
 * transaction, one commit and one set of lookups serve a whole group instead of one item each.
 *
 * <p>There is no background thread and no waiting for company. A caller queues its item and, when
 * fewer than {@code writers} groups are being written, writes everything queued (at most
 * {@code maxItems}) itself; otherwise it parks until a writer has written its item or a writer's place
 * is free. A caller that comes alone therefore writes alone, at once; under load, the items that
 * arrive while one group is written form the next.
 *
 * <p>Each caller gets its own item's result. When writing a group fails as a whole, every item of it
 * is written again on its own, so one item's failure is that item's caller's alone — as if it had come
 * by itself.
 *
 * @param <I> what a caller submits
 * @param <R> what it gets back
 */
final class GroupCommit<I, R> {
    /** The longest a waiting caller parks before it looks again; a writer wakes it earlier. */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Function<List<I>, List<R>> write;
    private final Semaphore writers;
    private final int maxItems;
    private final ConcurrentLinkedQueue<Waiting<I, R>> queue = new ConcurrentLinkedQueue<>();

    /**
     * @param write writes a group and answers one result per item, in order; it may throw
     * @param writers how many groups may be written at the same time (at least 1)
     * @param maxItems the most items in one group (at least 1)
     */
    GroupCommit(Function<List<I>, List<R>> write, int writers, int maxItems) {
        if (writers < 1 || maxItems < 1) {
            throw new IllegalArgumentException("writers and maxItems must be at least 1");
        }
        this.write = write;
        this.writers = new Semaphore(writers);
        this.maxItems = maxItems;
    }

    /** Writes the item, alone or with others submitted meanwhile, and answers its result (or throws its failure). */
    R submit(I item) {
        Waiting<I, R> mine = new Waiting<>(item, Thread.currentThread());
        queue.add(mine);
        while (!mine.done) {
            if (writers.tryAcquire()) {
                try {
                    while (!mine.done) {
                        List<Waiting<I, R>> group = drain();
                        if (group.isEmpty()) {
                            break; // another writer holds my item
                        }
                        writeGroup(group);
                    }
                } finally {
                    writers.release();
                }
                Waiting<I, R> next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                LockSupport.parkNanos(this, PARK_NANOS);
            }
        }
        return mine.outcome();
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
            if (group.size() == 1) {
                group.get(0).fail(e);
                return;
            }
            group.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).succeed(results.get(i));
        }
    }

    private void writeAlone(Waiting<I, R> waiting) {
        try {
            waiting.succeed(write.apply(List.of(waiting.item)).get(0));
        } catch (RuntimeException | Error e) {
            waiting.fail(e);
        }
    }

    private static final class Waiting<I, R> {
        final I item;
        final Thread thread;
        volatile boolean done;
        private R result;
        private Throwable failure;

        Waiting(I item, Thread thread) {
            this.item = item;
            this.thread = thread;
        }

        void succeed(R value) {
            result = value;
            done = true;
            LockSupport.unpark(thread);
        }

        void fail(Throwable e) {
            failure = e;
            done = true;
            LockSupport.unpark(thread);
        }

        R outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
