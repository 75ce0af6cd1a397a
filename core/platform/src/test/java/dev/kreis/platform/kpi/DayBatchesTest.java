package dev.kreis.platform.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DayBatchesTest {
    private static final List<Integer> DAYS = IntStream.range(100, 200).boxed().toList();

    @Test
    void daysThatFitGoInBatchesOfTheConfiguredSize() {
        List<List<Integer>> committed = new ArrayList<>();

        int size = DayBatches.run(DAYS, 31, (days, lockTaken) -> {
            lockTaken.run();
            committed.add(List.copyOf(days));
        });

        assertEquals(31, size);
        assertEquals(List.of(31, 31, 31, 7), committed.stream().map(List::size).toList());
        assertEquals(DAYS, committed.stream().flatMap(List::stream).toList());
    }

    @Test
    void aBatchThatFailsAfterTakingTheLockIsTriedInHalvesAndTheRestFollowsInTheSmallerSize() {
        List<List<Integer>> committed = new ArrayList<>();
        List<Integer> attempted = new ArrayList<>();

        // A transaction of more than 10 days times out.
        int size = DayBatches.run(DAYS, 31, (days, lockTaken) -> {
            lockTaken.run();
            attempted.add(days.size());
            if (days.size() > 10) {
                throw new IllegalStateException("canceling statement due to user request");
            }
            committed.add(List.copyOf(days));
        });

        assertEquals(7, size);
        assertEquals(List.of(31, 15, 7), attempted.subList(0, 3), "halved until it fits");
        assertEquals(DAYS, committed.stream().flatMap(List::stream).toList(), "every day once, in order");
        assertEquals(List.of(), committed.stream().filter(b -> b.size() > 7).toList(), "no batch larger than the size that fitted");
    }

    @Test
    void aSingleDayThatFailsIsTheCallersFailure() {
        IllegalStateException failure = new IllegalStateException("day 150 fails");
        List<Integer> committed = new ArrayList<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> DayBatches.run(DAYS, 31, (days, lockTaken) -> {
            lockTaken.run();
            if (days.contains(150)) {
                throw failure;
            }
            committed.addAll(days);
        }));

        assertSame(failure, thrown);
        assertEquals(IntStream.range(100, 150).boxed().toList(), committed, "the days before it are folded");
    }

    @Test
    void aFailureBeforeTheLockWasTakenIsNotRetriedInSmallerBatches() {
        List<Integer> attempted = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("lock wait cancelled: another node folds");

        assertThrows(IllegalStateException.class, () -> DayBatches.run(DAYS, 31, (days, lockTaken) -> {
            attempted.add(days.size());
            throw failure;
        }));

        assertEquals(List.of(31), attempted);
    }
}
