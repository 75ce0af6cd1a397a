package dev.kreis.platform.touchpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    /** Every group written, in order. */
    private final List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private Function<List<Integer>, List<String>> recording(Function<Integer, String> answer) {
        return items -> {
            groups.add(List.copyOf(items));
            return items.stream().map(answer).toList();
        };
    }

    /** Records every group and answers "r" + item; writing the group holding item 0 waits for {@code release}. */
    private Function<List<Integer>, List<String>> holdingZeroUntil(CountDownLatch release) {
        return recording(i -> "r" + i).andThen(answers -> {
            if (answers.contains("r0")) {
                await(release);
            }
            return answers;
        });
    }

    @Test
    void aCallerThatComesAloneWritesAloneAndGetsItsResult() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(recording(i -> "r" + i), 1, 100);

        assertEquals("r7", commit.submit(7));
        assertEquals(List.of(List.of(7)), groups);
    }

    @Test
    void callersArrivingWhileAGroupIsWrittenFormTheNextGroupAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(items -> {
            groups.add(List.copyOf(items));
            if (items.contains(0)) {
                firstWriteStarted.countDown();
                await(othersQueued);
            }
            return items.stream().map(i -> "r" + i).toList();
        }, 1, 100);

        Future<String> first = callers.submit(() -> commit.submit(0));
        assertTrue(firstWriteStarted.await(10, TimeUnit.SECONDS));
        List<Future<String>> others = submitQueued(commit, 1, 5);
        othersQueued.countDown();

        assertEquals("r0", first.get(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            assertEquals("r" + i, others.get(i - 1).get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, groups.size(), "the five callers waiting for the first write were written as one group: " + groups);
        assertEquals(List.of(0), groups.get(0));
        assertEquals(List.of(1, 2, 3, 4, 5), groups.get(1).stream().sorted().toList());
    }

    @Test
    void aGroupHoldsAtMostMaxItems() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(holdingZeroUntil(release), 1, 3);

        Future<String> first = callers.submit(() -> commit.submit(0));
        waitUntil(() -> !groups.isEmpty());
        List<Future<String>> others = submitQueued(commit, 1, 7);
        release.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<String> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertTrue(groups.stream().allMatch(group -> group.size() <= 3), "groups: " + groups);
        assertEquals(8, groups.stream().mapToInt(List::size).sum(), "every item written exactly once: " + groups);
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
        }, 1, 100);

        Future<String> first = callers.submit(() -> commit.submit(0));
        waitUntil(() -> !groups.isEmpty());
        Map<Integer, Future<String>> others = new HashMap<>();
        for (int item : new int[] { 12, 13, 14 }) {
            others.put(item, callers.submit(() -> commit.submit(item)));
        }
        waitUntilParked(others.size());
        release.countDown();

        assertEquals("r0", first.get(10, TimeUnit.SECONDS));
        assertEquals("r12", others.get(12).get(10, TimeUnit.SECONDS));
        assertEquals("r14", others.get(14).get(10, TimeUnit.SECONDS));
        java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> others.get(13).get(10, TimeUnit.SECONDS));
        assertEquals("item 13 cannot be written", failure.getCause().getMessage());
        assertTrue(groups.contains(List.of(13)), "the failing item was tried alone: " + groups);
    }

    @Test
    void manyConcurrentCallersEachGetTheirOwnResultExactlyOnce() throws Exception {
        GroupCommit<Integer, String> commit = new GroupCommit<>(recording(i -> "r" + i), 2, 10);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int item = i;
            results.add(callers.submit(() -> commit.submit(item)));
        }
        for (int i = 0; i < 400; i++) {
            assertEquals("r" + i, results.get(i).get(30, TimeUnit.SECONDS));
        }
        List<Integer> written = groups.stream().flatMap(List::stream).sorted().toList();
        assertEquals(400, written.size());
        assertEquals(400, written.stream().distinct().count());
    }

    @Test
    void writersAndMaxItemsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Integer, String>(recording(i -> ""), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Integer, String>(recording(i -> ""), 1, 0));
    }

    /** Submits the items {@code from} to {@code to}, each from its own caller, and waits until all of them wait for a writer. */
    private List<Future<String>> submitQueued(GroupCommit<Integer, String> commit, int from, int to) throws InterruptedException {
        List<Future<String>> submitted = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            int item = i;
            submitted.add(callers.submit(() -> commit.submit(item)));
        }
        waitUntilParked(submitted.size());
        return submitted;
    }

    /** Waits until {@code count} callers are parked in {@link GroupCommit#submit} waiting for a writer (not writing). */
    private void waitUntilParked(int count) throws InterruptedException {
        waitUntil(() -> Thread.getAllStackTraces().values().stream().filter(GroupCommitTest::parkedInSubmit).count() >= count);
    }

    private static boolean parkedInSubmit(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            if (stack[i].getClassName().equals(GroupCommit.class.getName())) {
                return stack[i].getMethodName().equals("submit") && stack[i - 1].getClassName().equals("java.util.concurrent.locks.LockSupport");
            }
        }
        return false;
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
