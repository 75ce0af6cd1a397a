package dev.kreis.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReplicaLagTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aReplicaThatReplayedThePrimarysPositionHasNoLag() {
        ReplicaLag lag = new ReplicaLag();
        assertEquals(Duration.ZERO, lag.observe(at(0), 100L, 100L));
        assertEquals(Duration.ZERO, lag.observe(at(1), 250L, 300L));
    }

    @Test
    void anIdlePrimaryMeansNoLagHoweverLongAgoItsLastWriteWas() {
        ReplicaLag lag = new ReplicaLag();
        lag.observe(at(0), 100L, 100L);
        assertEquals(Duration.ZERO, lag.observe(at(3600), 100L, 100L));
    }

    @Test
    void theLagCountsFromTheLastObservationAtWhichTheReplicaHeldEverything() {
        ReplicaLag lag = new ReplicaLag();
        lag.observe(at(0), 100L, 100L);
        // the primary writes; the replica stops replaying at 100
        assertEquals(Duration.ofSeconds(1), lag.observe(at(1), 200L, 100L), "behind since the observation at 0 s");
        assertEquals(Duration.ofSeconds(5), lag.observe(at(5), 300L, 100L));
        // it replays what the primary had at 1 s, not yet what it had at 5 s
        assertEquals(Duration.ofSeconds(6), lag.observe(at(7), 300L, 200L));
        assertEquals(Duration.ZERO, lag.observe(at(8), 300L, 300L));
    }

    @Test
    void anIdlePrimaryAfterAWriteTheReplicaHasNotReplayedMeansAGrowingLag() {
        ReplicaLag lag = new ReplicaLag();
        lag.observe(at(0), 100L, 100L);
        lag.observe(at(10), 150L, 100L);
        assertEquals(Duration.ofSeconds(30), lag.observe(at(30), 150L, 100L));
    }

    @Test
    void aServerNotInRecoveryIsCurrent() {
        ReplicaLag lag = new ReplicaLag();
        lag.observe(at(0), 100L, 50L);
        assertEquals(Duration.ZERO, lag.observe(at(20), 200L, null));
    }

    @Test
    void primaryPositionsSeenWhileTheReplicaWasAwayCountOnceItAnswers() {
        ReplicaLag lag = new ReplicaLag();
        lag.observe(at(0), 100L, 100L);
        lag.primaryAt(at(2), 200L);
        lag.primaryAt(at(4), 300L);
        // back, with everything up to 200 replayed: it held what the primary had at 2 s
        assertEquals(Duration.ofSeconds(4), lag.observe(at(6), 300L, 200L));
    }

    @Test
    void walPositionsAreReadAsPostgreSqlWritesThem() {
        assertEquals(0x16B374D848L, ReplicaLag.parseLsn("16/B374D848"));
        assertEquals(0L, ReplicaLag.parseLsn("0/0"));
    }
}
