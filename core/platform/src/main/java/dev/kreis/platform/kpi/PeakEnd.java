package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;

/**
 * The peak-end score of one customer's journey: their scored touchpoints in a window, in time order.
 *
 * <p>Peak = the touchpoint whose normalised score has the largest absolute value, the later one on a
 * tie; end = the last touchpoint; score = (peak + end) ÷ 2, −1..1. The mean of all normalised scores
 * is reported beside it. Touchpoints at the same instant keep the order they were given in.
 *
 * @param journey the scored touchpoints, at least one; stored in time order
 * @param <T>     the caller's touchpoint reference, so the peak and end can be named
 */
public record PeakEnd<T>(List<ScoredTouchpoint<T>> journey) {

    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    public PeakEnd {
        journey = journey.stream().sorted(Comparator.comparing(ScoredTouchpoint::occurredAt)).toList();
        if (journey.isEmpty()) {
            throw new IllegalArgumentException("a journey without scored touchpoints has no peak-end score; use PeakEnd.of");
        }
    }

    /** The peak-end of a journey; empty (no data) when it has no scored touchpoint. */
    public static <T> Optional<PeakEnd<T>> of(List<ScoredTouchpoint<T>> journey) {
        return journey.isEmpty() ? Optional.empty() : Optional.of(new PeakEnd<>(journey));
    }

    /** The most intense touchpoint: largest absolute normalised score, the later one on a tie. */
    public ScoredTouchpoint<T> peak() {
        ScoredTouchpoint<T> peak = journey.get(0);
        for (ScoredTouchpoint<T> candidate : journey) {
            if (candidate.thirtieths().abs().compareTo(peak.thirtieths().abs()) >= 0) {
                peak = candidate;
            }
        }
        return peak;
    }

    /** The last touchpoint. */
    public ScoredTouchpoint<T> end() {
        return journey.get(journey.size() - 1);
    }

    /** (peak + end) ÷ 2, −1..1, 4 decimal places. */
    public BigDecimal score() {
        return new Ratio(peakPlusEndInThirtieths(), BigDecimal.valueOf(60)).value().orElseThrow();
    }

    /** The mean normalised score, −1..1, 4 decimal places. */
    public BigDecimal mean() {
        BigDecimal sum = journey.stream().map(ScoredTouchpoint::thirtieths).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Ratio(sum, THIRTY.multiply(BigDecimal.valueOf(journey.size()))).value().orElseThrow();
    }

    /** The {@code peak_end_score} KPI: the mean of the journeys' peak-end scores, over the number of journeys. */
    public static KpiValue averageOver(Collection<? extends PeakEnd<?>> journeys) {
        BigDecimal sum = journeys.stream().map(PeakEnd::peakPlusEndInThirtieths).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal denominator = BigDecimal.valueOf(60).multiply(BigDecimal.valueOf(journeys.size()));
        return KpiValue.of(new Ratio(sum, denominator).value(), journeys.size());
    }

    private BigDecimal peakPlusEndInThirtieths() {
        return peak().thirtieths().add(end().thirtieths());
    }
}
