package dev.kreis.spi.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.touchpoint.JourneyPhase;

class KpiQueryTest {
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Period JANUARY = new Period(JAN, FEB);

    @Test
    void aPeriodContainsItsStartButNotItsEnd() {
        assertTrue(JANUARY.contains(JAN));
        assertTrue(JANUARY.contains(FEB.minusNanos(1)));
        assertFalse(JANUARY.contains(FEB));
        assertFalse(JANUARY.contains(JAN.minusNanos(1)));
        assertTrue(JANUARY.isBeforeStart(JAN.minusNanos(1)));
        assertTrue(JANUARY.isBeforeEnd(FEB.minusNanos(1)));
        assertFalse(JANUARY.isBeforeEnd(FEB));
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new Period(FEB, JAN));
        assertThrows(IllegalArgumentException.class, () -> new Period(JAN, JAN));
        assertThrows(NullPointerException.class, () -> new Period(null, FEB));
    }

    @Test
    void filtersNarrowOneAtATime() {
        KpiQuery query = KpiQuery.over(JANUARY);
        assertFalse(query.isFiltered());
        KpiQuery narrowed = query.inPhase(JourneyPhase.RETENTION).fromModule("support").inSegment("enterprise");
        assertEquals(Optional.of(JourneyPhase.RETENTION), narrowed.phase());
        assertEquals(Optional.of("support"), narrowed.module());
        assertEquals(Optional.of("enterprise"), narrowed.segment());
        assertTrue(narrowed.isFiltered());
        assertEquals(JANUARY, narrowed.period());
    }

    @Test
    void blankFiltersAreRejectedRatherThanTreatedAsAbsent() {
        assertThrows(IllegalArgumentException.class, () -> KpiQuery.over(JANUARY).fromModule(" "));
        assertThrows(IllegalArgumentException.class, () -> KpiQuery.over(JANUARY).inSegment(""));
        assertThrows(NullPointerException.class, () -> new KpiQuery(JANUARY, null, Optional.empty(), Optional.empty()));
    }

    @Test
    void noDataHasNoValueAndNoSamples() {
        KpiValue none = KpiValue.noData();
        assertNull(none.value());
        assertFalse(none.hasValue());
        assertEquals(Optional.empty(), none.optionalValue());
        assertEquals(0, none.sampleSize());
    }

    @Test
    void aValueKeepsItsSampleSizeAndANegativeSampleSizeIsRejected() {
        KpiValue nps = KpiValue.of(Optional.of(new BigDecimal("20.0000")), 10);
        assertTrue(nps.hasValue());
        assertEquals(10, nps.sampleSize());
        assertThrows(IllegalArgumentException.class, () -> new KpiValue(BigDecimal.ONE, -1));
    }

    @Test
    void aComputationThatCannotApplyAFilterSaysWhich() {
        KpiComputation moduleOnly = query -> {
            if (query.phase().isPresent()) {
                throw new UnsupportedKpiFilterException("support.first_contact_resolution", "phase");
            }
            return KpiValue.noData();
        };
        UnsupportedKpiFilterException thrown = assertThrows(UnsupportedKpiFilterException.class,
                () -> moduleOnly.compute(KpiQuery.over(JANUARY).inPhase(JourneyPhase.PURCHASE)));
        assertEquals("phase", thrown.filter());
        assertEquals("support.first_contact_resolution", thrown.kpiKey());
        assertEquals(KpiValue.noData(), moduleOnly.compute(KpiQuery.over(JANUARY)));
    }
}
