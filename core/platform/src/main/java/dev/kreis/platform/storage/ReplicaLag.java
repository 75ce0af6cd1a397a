package dev.kreis.platform.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far a streaming replica is behind its primary, from WAL positions sampled over time: each observation gives the
 * primary's position ({@code pg_current_wal_lsn()}, read first) and the replica's replayed one
 * ({@code pg_last_wal_replay_lsn()}, read after). The lag is the time since the replica last held everything the
 * primary had written when an observation looked: zero when it has replayed the newest sample (an idle primary
 * included), growing while it does not. Not thread-safe.
 */
final class ReplicaLag {
    /** Enough samples for hours of lag at one a second; beyond that the lag is far past any sensible maximum anyway. */
    private static final int MAX_SAMPLES = 20_000;

    private record Sample(Instant at, long lsn) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private Instant caughtUpAt;

    /**
     * Records one observation and answers the lag.
     *
     * @param primaryLsn  the primary's WAL position, or {@code null} when the primary could not be asked
     * @param replayedLsn the replica's replayed position, or {@code null} when it is not in recovery (then it is current)
     */
    Duration observe(Instant now, Long primaryLsn, Long replayedLsn) {
        primaryAt(now, primaryLsn);
        if (replayedLsn == null) {
            samples.clear();
        }
        while (!samples.isEmpty() && samples.peekFirst().lsn() <= replayedLsn) {
            caughtUpAt = samples.removeFirst().at();
        }
        if (samples.isEmpty()) {
            caughtUpAt = now;
        } else if (caughtUpAt == null) {
            caughtUpAt = samples.peekFirst().at();
        }
        return Duration.between(caughtUpAt, now);
    }

    /** Records a primary position seen while the replica could not be asked. */
    void primaryAt(Instant now, Long primaryLsn) {
        if (primaryLsn != null && (samples.isEmpty() || samples.peekLast().lsn() < primaryLsn)) {
            samples.addLast(new Sample(now, primaryLsn));
            if (samples.size() > MAX_SAMPLES) {
                samples.removeFirst();
            }
        }
    }

    /** A WAL position as PostgreSQL writes it ({@code 16/B374D848}): the high and the low 32 bits in hex. */
    static long parseLsn(String lsn) {
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }
}
