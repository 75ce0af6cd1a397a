package dev.kreis.platform.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeriesIntervalTest {

    private static List<String> starts(List<LocalDate[]> buckets) {
        return buckets.stream().map(bucket -> bucket[0] + ".." + bucket[1]).toList();
    }

    @Test
    void monthsFollowTheCalendarAndTheFirstAndLastAreCut() {
        var buckets = SeriesInterval.MONTH.buckets(LocalDate.of(2031, 1, 15), LocalDate.of(2031, 3, 10), 366).orElseThrow();
        assertEquals(List.of("2031-01-15..2031-02-01", "2031-02-01..2031-03-01", "2031-03-01..2031-03-10"), starts(buckets));
    }

    @Test
    void weeksStartOnMonday() {
        var buckets = SeriesInterval.WEEK.buckets(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 1, 14), 366).orElseThrow();
        assertEquals(List.of("2031-01-01..2031-01-06", "2031-01-06..2031-01-13", "2031-01-13..2031-01-14"), starts(buckets));
    }

    @Test
    void moreBucketsThanAllowedAreRefused() {
        assertTrue(SeriesInterval.DAY.buckets(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 1, 3), 366).isEmpty(), "367 days");
        assertEquals(366, SeriesInterval.DAY.buckets(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 1, 2), 366).orElseThrow().size());
    }
}
