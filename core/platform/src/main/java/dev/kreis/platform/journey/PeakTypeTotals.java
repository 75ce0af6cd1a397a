package dev.kreis.platform.journey;

/**
 * How often one touchpoint type was the peak of customers' journeys in a period.
 *
 * @param type     the touchpoint type
 * @param peaks    journeys whose peak was a touchpoint of this type
 * @param negative of those, the journeys whose peak was negative (normalised score below 0)
 */
public record PeakTypeTotals(String type, long peaks, long negative) {

    public PeakTypeTotals {
        if (negative < 0 || peaks < negative) {
            throw new IllegalArgumentException("negative peaks are some of the peaks: " + negative + " of " + peaks);
        }
    }
}
