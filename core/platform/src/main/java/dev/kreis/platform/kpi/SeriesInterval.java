package dev.kreis.platform.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bucket size of a KPI series. Buckets follow the calendar (UTC): days, ISO weeks starting on
 * Monday, calendar months; the first and last bucket are cut to the requested period.
 */
public enum SeriesInterval {
    DAY, WEEK, MONTH;

    /** The lower-case name used in the query string. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SeriesInterval> fromWire(String wire) {
        for (SeriesInterval interval : values()) {
            if (interval.wire().equals(wire)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }

    /** The first bucket boundary after {@code day}. */
    LocalDate nextBoundary(LocalDate day) {
        return switch (this) {
            case DAY -> day.plusDays(1);
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.with(TemporalAdjusters.firstDayOfNextMonth());
        };
    }

    /**
     * The buckets of {@code [from, to)} as consecutive {@code [start, end)} pairs, or empty when there
     * would be more than {@code max}.
     */
    public Optional<List<LocalDate[]>> buckets(LocalDate from, LocalDate to, int max) {
        List<LocalDate[]> buckets = new ArrayList<>();
        LocalDate start = from;
        while (start.isBefore(to)) {
            if (buckets.size() == max) {
                return Optional.empty();
            }
            LocalDate end = nextBoundary(start);
            end = end.isAfter(to) ? to : end;
            buckets.add(new LocalDate[] { start, end });
            start = end;
        }
        return Optional.of(buckets);
    }
}
