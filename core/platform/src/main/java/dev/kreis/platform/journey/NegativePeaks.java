package dev.kreis.platform.journey;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.kreis.platform.kpi.Ratio;

/**
 * Where effort pays most: which touchpoint types are most often the negative peak of customers'
 * journeys in a period. A journey is a customer's scored touchpoints in the period; its peak is
 * negative when the peak's normalised score is below 0.
 *
 * @param period        the period
 * @param customers     customers with at least one scored touchpoint in the period (journeys with a peak)
 * @param negativePeaks of those, the customers whose peak was negative
 * @param items         the types of the negative peaks, most frequent first (then by type), at most the limit asked for
 */
public record NegativePeaks(JourneyWindow period, long customers, long negativePeaks, List<Item> items) {

    /** The report over the peak totals per type, keeping the {@code limit} most frequent types of negative peaks. */
    public static NegativePeaks of(JourneyWindow period, Collection<PeakTypeTotals> totals, int limit) {
        long customers = totals.stream().mapToLong(PeakTypeTotals::peaks).sum();
        long negative = totals.stream().mapToLong(PeakTypeTotals::negative).sum();
        List<Item> items = totals.stream().filter(t -> t.negative() > 0)
                .sorted(Comparator.comparingLong(PeakTypeTotals::negative).reversed().thenComparing(PeakTypeTotals::type))
                .limit(limit)
                .map(t -> new Item(t.type(), t.negative(), Ratio.of(t.negative(), negative).percent().orElseThrow()))
                .toList();
        return new NegativePeaks(period, customers, negative, items);
    }

    /** The share of journeys whose peak was negative, in percent; empty without journeys. */
    public Optional<BigDecimal> negativeShare() {
        return Ratio.of(negativePeaks, customers).percent();
    }

    /**
     * @param type  the touchpoint type
     * @param count journeys whose negative peak was a touchpoint of this type
     * @param share 100 × count ÷ all negative peaks, 4 decimal places
     */
    public record Item(String type, long count, BigDecimal share) {
    }
}
