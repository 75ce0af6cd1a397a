package dev.kreis.module.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.Period;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import dev.kreis.spi.touchpoint.JourneyPhase;

/** The arithmetic of the sales KPIs and the filters they refuse. */
class SalesKpisTest {

    @Test
    void winRateIsWonOverClosedInPercent() {
        assertEquals(new BigDecimal("66.6667"), SalesKpis.winRate(2, 3).value());
        assertEquals(3, SalesKpis.winRate(2, 3).sampleSize());
        assertEquals(new BigDecimal("0.0000"), SalesKpis.winRate(0, 4).value());
        assertNull(SalesKpis.winRate(0, 0).value());
    }

    @Test
    void salesCycleIsTheMeanInDays() {
        assertEquals(new BigDecimal("15.0000"), SalesKpis.averageDays(10L * 86_400 + 20L * 86_400, 2).value());
        assertEquals(new BigDecimal("0.5000"), SalesKpis.averageDays(43_200, 1).value());
        assertNull(SalesKpis.averageDays(0, 0).value());
    }

    @Test
    void averageIsRoundedToFourPlaces() {
        assertEquals(new BigDecimal("33.3333"), SalesKpis.average(new BigDecimal("100"), 3).value());
        assertNull(SalesKpis.average(BigDecimal.ZERO, 0).value());
    }

    @Test
    void phaseAndSegmentFiltersAreRefusedAndTheModuleFilterOnlyForSales() {
        KpiQuery query = KpiQuery.over(new Period(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z")));
        assertEquals(query, SalesKpis.checked("sales.win_rate", query));
        assertEquals("sales", SalesKpis.checked("sales.win_rate", query.fromModule("sales")).module().orElseThrow());
        assertEquals("phase",
                assertThrows(UnsupportedKpiFilterException.class, () -> SalesKpis.checked("sales.win_rate", query.inPhase(JourneyPhase.PURCHASE))).filter());
        assertEquals("segment", assertThrows(UnsupportedKpiFilterException.class, () -> SalesKpis.checked("sales.win_rate", query.inSegment("vip"))).filter());
        assertEquals("module", assertThrows(UnsupportedKpiFilterException.class, () -> SalesKpis.checked("sales.win_rate", query.fromModule("support"))).filter());
    }

    @Test
    void theDescriptorIsValid() {
        SalesModule module = new SalesModule();
        assertEquals("sales", module.descriptor().id());
        assertEquals(4, module.descriptor().kpis().size());
        assertEquals(4, module.descriptor().touchpointTypes().size());
    }
}
