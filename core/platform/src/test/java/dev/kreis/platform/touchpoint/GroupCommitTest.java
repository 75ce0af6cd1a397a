package dev.kreis.platform.touchpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final ExecutorService writers = Executors.newCachedThreadPool();
    /** Every group written, in order. */
    private final List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    /** Records every group and answers "r" + item. */
    private List<String> recording(List<Integer> items) {
        groups.add(List.copyOf(items));
        return items.stream().map(i -> "r" + i).toList();
    }

    /** Like {@link #recording}, but writing the group that holds item 0 waits for {@code release}. */
    private Function<List<Integer>, List<String>> holdingZeroUntil(CountDownLatch release) {
        return items -> {
            List<String> answers = recording(items);
            if (items.contains(0)) {
                await(release);
            }
            return answers;
        };
    }

    /** Submits item 0, then items 1 to {@code more} while 0's group is being written, then releases it; answers all futures in order. */
    private List<CompletableFuture<String>> submitWhileZeroIsWritten(GroupCommit<Integer, String> commit, CountDownLatch release, int more)
            throws InterruptedException {
        List<CompletableFuture<String>> submitted = new ArrayList<>();
        submitted.add(commit.submit(0));
        waitUntil(() -> !groups.isEmpty());
        for (int i = 1; i <= more; i++) {
            submitted.add(commit.submit(i));
        }
        release.countDown();
        return submitted;
    }

    private static String result(CompletableFuture<String> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLoneItemIsWrittenAloneAtOnce() throws Exception {
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::recording, 1, 100, 1_000, 0, writers);

        assertEquals("r7", result(commit.submit(7)));
        assertEquals(List.of(List.of(7)), groups);
    }

    @Test
    void itemsArrivingWhileAGroupIsWrittenFormTheNextGroupAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(holdingZeroUntil(release), 1, 100, 1_000, 0, writers);

        List<CompletableFuture<String>> submitted = submitWhileZeroIsWritten(commit, release, 5);

        for (int i = 0; i <= 5; i++) {
            assertEquals("r" + i, result(submitted.get(i)));
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5)), groups, "the five items queued during the first write were one group");
    }

    @Test
    void aGroupHoldsAtMostMaxItems() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(holdingZeroUntil(release), 1, 3, 1_000, 0, writers);

        for (CompletableFuture<String> submitted : submitWhileZeroIsWritten(commit, release, 7)) {
            result(submitted);
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)), groups);
    }

    @Test
    void whenAGroupFailsEachItemIsWrittenAloneSoOnlyTheFailingCallerSeesTheFailure() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Function<List<Integer>, List<String>> held = holdingZeroUntil(release);
        GroupCommit<Integer, String> commit = new GroupCommit<>(items -> {
            List<String> answers = held.apply(items);
            if (items.contains(13)) {
                throw new IllegalStateException("item 13 cannot be written");
            }
            return answers;
        }, 1, 100, 1_000, 0, writers);

        CompletableFuture<String> first = commit.submit(0);
        waitUntil(() -> !groups.isEmpty());
        CompletableFuture<String> a = commit.submit(12);
        CompletableFuture<String> bad = commit.submit(13);
        CompletableFuture<String> b = commit.submit(14);
        release.countDown();

        assertEquals("r0", result(first));
        assertEquals("r12", result(a));
        assertEquals("r14", result(b));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> result(bad));
        assertEquals("item 13 cannot be written", failure.getCause().getMessage());
        assertEquals(List.of(List.of(0), List.of(12, 13, 14), List.of(12), List.of(13), List.of(14)), groups);
    }

    @Test
    void aLoneItemThatFailsIsNotWrittenAgain() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(items -> {
            recording(items);
            throw new IllegalStateException("cannot store " + items);
        }, 1, 100, 1_000, 0, writers);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> result(commit.submit(5)));
        assertEquals("cannot store [5]", failure.getCause().getMessage());
        assertEquals(List.of(List.of(5)), groups, "written once, not retried");
    }

    @Test
    void manyConcurrentCallersEachGetTheirOwnResultExactlyOnce() throws Exception {
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::recording, 2, 10, 1_000, 0, writers);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<CompletableFuture<String>>> submitted = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int item = i;
                submitted.add(callers.submit(() -> commit.submit(item)));
            }
            for (int i = 0; i < 400; i++) {
                assertEquals("r" + i, result(submitted.get(i).get(10, TimeUnit.SECONDS)));
            }
        } finally {
            callers.shutdownNow();
        }
        List<Integer> written = groups.stream().flatMap(List::stream).sorted().toList();
        assertEquals(400, written.size());
        assertEquals(400, written.stream().distinct().count());
        assertTrue(groups.stream().allMatch(group -> group.size() <= 10));
    }

    @Test
    void whenTheExecutorRefusesTheItemsFailInsteadOfWaitingForever() {
        writers.shutdown();
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::recording, 1, 100, 1_000, 0, writers);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> result(commit.submit(1)));
        assertTrue(failure.getCause() instanceof RejectedExecutionException, failure.getCause().toString());
        assertEquals(List.of(), groups);
    }

    @Test
    void writersMaxItemsAndMaxQueuedMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<>(this::recording, 0, 10, 1_000, 0, writers));
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<>(this::recording, 1, 0, 1_000, 0, writers));
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<>(this::recording, 1, 10, 0, 0, writers));
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<>(this::recording, 1, 10, 1_000, -1, writers));
    }

    @Test
    void aFullQueueRefusesTheNextItemWithoutQueueingItAndTakesItemsAgainOnceWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(holdingZeroUntil(release), 1, 100, 3, 0, writers);
        CompletableFuture<String> first = commit.submit(0);
        waitUntil(() -> !groups.isEmpty());
        List<CompletableFuture<String>> waiting = List.of(commit.submit(1), commit.submit(2), commit.submit(3));

        assertThrows(GroupCommit.Full.class, () -> commit.submit(4));
        assertEquals(3, commit.queued());

        release.countDown();
        assertEquals("r0", result(first));
        for (int i = 0; i < 3; i++) {
            assertEquals("r" + (i + 1), result(waiting.get(i)));
        }
        assertEquals(0, commit.queued());
        assertEquals("r5", result(commit.submit(5)));
        assertEquals(List.of(List.of(0), List.of(1, 2, 3), List.of(5)), groups, "item 4 was never written");
    }

    @Test
    void withAWaitAWriterWaitsForItsGroupToFillBeforeWritingIt() throws Exception {
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::recording, 1, 3, 1_000, TimeUnit.SECONDS.toNanos(30), writers);

        CompletableFuture<String> a = commit.submit(1);
        CompletableFuture<String> b = commit.submit(2);
        assertTrue(groups.isEmpty(), "two of three items: the writer still waits");
        CompletableFuture<String> c = commit.submit(3);

        assertEquals(List.of("r1", "r2", "r3"), List.of(result(a), result(b), result(c)));
        assertEquals(List.of(List.of(1, 2, 3)), groups, "one group, written as soon as it was full");
    }

    @Test
    void withAWaitALoneItemIsWrittenOnceTheWaitIsOver() throws Exception {
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::recording, 1, 100, 1_000, TimeUnit.MILLISECONDS.toNanos(20), writers);

        assertEquals("r9", result(commit.submit(9)));
        assertEquals(List.of(List.of(9)), groups);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
