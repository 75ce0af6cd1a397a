package dev.kreis.platform.kpi;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * How many responses gave each score on a whole-number scale (NPS, CSAT, CES): the aggregate a
 * database returns for {@code GROUP BY score}, and the input of the feedback KPIs.
 *
 * @param scale  the scale, whole numbers only
 * @param counts responses per score; only scores with at least one response are kept
 */
public record ScoreHistogram(ScoreScale scale, SortedMap<Integer, Long> counts) {

    public ScoreHistogram {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(counts, "counts");
        if (!scale.integral()) {
            throw new IllegalArgumentException("a histogram needs a whole-number scale, not " + scale.wire());
        }
        TreeMap<Integer, Long> kept = new TreeMap<>();
        counts.forEach((score, count) -> {
            ScoreOutOfScaleException.check(scale, Objects.requireNonNull(score, "score"));
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of score " + score + " must be 0 or more, not " + count);
            }
            if (count > 0) {
                kept.put(score, count);
            }
        });
        counts = Collections.unmodifiableSortedMap(kept);
    }

    /** The histogram of individual scores. @throws ScoreOutOfScaleException for a score outside the scale */
    public static ScoreHistogram of(ScoreScale scale, Collection<Integer> scores) {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (Integer score : scores) {
            counts.merge(ScoreOutOfScaleException.check(scale, Objects.requireNonNull(score, "score")), 1L, Long::sum);
        }
        return new ScoreHistogram(scale, counts);
    }

    /** The histogram from counts per score. @throws ScoreOutOfScaleException for a score outside the scale */
    public static ScoreHistogram ofCounts(ScoreScale scale, Map<Integer, Long> counts) {
        return new ScoreHistogram(scale, new TreeMap<>(counts));
    }

    /** Number of responses. */
    public long responses() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Responses with a score from {@code lowest} to {@code highest}, both included. */
    public long countBetween(int lowest, int highest) {
        return highest < lowest ? 0 : counts.subMap(lowest, highest + 1).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sum of all scores. */
    public long sum() {
        return counts.entrySet().stream().mapToLong(entry -> entry.getKey() * entry.getValue()).sum();
    }

    /** Both histograms together, e.g. two days of a rollup. */
    public ScoreHistogram plus(ScoreHistogram other) {
        if (other.scale != scale) {
            throw new IllegalArgumentException("cannot add a " + other.scale.wire() + " histogram to a " + scale.wire() + " one");
        }
        TreeMap<Integer, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((score, count) -> sum.merge(score, count, Long::sum));
        return new ScoreHistogram(scale, sum);
    }
}
