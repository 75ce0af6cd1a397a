package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.assertAgrees;
import static dev.kreis.platform.kpi.RandomCases.decimal;
import static dev.kreis.spi.touchpoint.JourneyPhase.ADVOCACY;
import static dev.kreis.spi.touchpoint.JourneyPhase.AWARENESS;
import static dev.kreis.spi.touchpoint.JourneyPhase.CONSIDERATION;
import static dev.kreis.spi.touchpoint.JourneyPhase.INTENT;
import static dev.kreis.spi.touchpoint.JourneyPhase.INTEREST;
import static dev.kreis.spi.touchpoint.JourneyPhase.PURCHASE;
import static dev.kreis.spi.touchpoint.JourneyPhase.RETENTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.JourneyPhase;

class FunnelTest {

    @Test
    void theConceptsExampleConvertsFortyFiftySixtyFiftyPercent() {
        Funnel funnel = new Funnel(Map.of(AWARENESS, 1000L, INTEREST, 400L, CONSIDERATION, 200L, INTENT, 120L, PURCHASE, 60L));
        assertEquals(Optional.of(decimal("40.0000")), funnel.conversion(AWARENESS, INTEREST));
        assertEquals(Optional.of(decimal("50.0000")), funnel.conversion(INTEREST, CONSIDERATION));
        assertEquals(Optional.of(decimal("60.0000")), funnel.conversion(CONSIDERATION, INTENT));
        assertEquals(Optional.of(decimal("50.0000")), funnel.conversion(INTENT, PURCHASE));
        assertEquals(Optional.of(decimal("6.0000")), funnel.conversion(AWARENESS, PURCHASE));
        assertEquals(new KpiValue(decimal("40.0000"), 1000), funnel.conversionKpi(AWARENESS));
        assertEquals(new KpiValue(decimal("6.0000"), 1000), funnel.conversionKpi(AWARENESS, PURCHASE));
    }

    @Test
    void aPhaseNobodyReachedConvertsToNothingAndHasNoDataBeyond() {
        Funnel funnel = new Funnel(Map.of(AWARENESS, 1000L, INTEREST, 400L, CONSIDERATION, 200L, INTENT, 120L, PURCHASE, 60L));
        assertEquals(0, funnel.reached(RETENTION));
        assertEquals(Optional.of(decimal("0.0000")), funnel.conversion(PURCHASE, RETENTION));
        assertEquals(Optional.empty(), funnel.conversion(RETENTION, ADVOCACY));
        assertEquals(new KpiValue(null, 0), funnel.conversionKpi(RETENTION));
    }

    @Test
    void aCustomerAtALaterPhaseHasReachedEveryEarlierOne() {
        Funnel funnel = Funnel.ofFurthestPhases(List.of(PURCHASE, AWARENESS));
        assertEquals(2, funnel.reached(AWARENESS));
        assertEquals(1, funnel.reached(INTEREST));
        assertEquals(1, funnel.reached(PURCHASE));
        assertEquals(0, funnel.reached(RETENTION));
        assertEquals(Optional.of(decimal("100.0000")), funnel.conversion(INTEREST, CONSIDERATION));
    }

    @Test
    void countsOfFurthestPhasesGiveTheSameFunnelAsTheCustomersThemselves() {
        long[] furthestAt = new long[JourneyPhase.values().length];
        furthestAt[PURCHASE.ordinal()] = 2;
        furthestAt[AWARENESS.ordinal()] = 1;
        assertEquals(Funnel.ofFurthestPhases(List.of(PURCHASE, PURCHASE, AWARENESS)), Funnel.ofFurthestPhaseCounts(furthestAt));
        assertEquals(2, Funnel.ofFurthestPhaseCounts(furthestAt).reached(INTEREST), "the customer at awareness did not reach interest");
        assertEquals(3, Funnel.ofFurthestPhaseCounts(furthestAt).reached(AWARENESS));
        assertThrows(IllegalArgumentException.class, () -> Funnel.ofFurthestPhaseCounts(new long[2]));
    }

    @Test
    void stepsListEveryNeighbouringPairInJourneyOrder() {
        List<Funnel.Step> steps = Funnel.ofFurthestPhases(List.of(INTEREST, AWARENESS)).steps();
        assertEquals(6, steps.size());
        assertEquals(new Funnel.Step(AWARENESS, INTEREST, 2, 1, Optional.of(decimal("50.0000"))), steps.get(0));
        assertEquals(new Funnel.Step(RETENTION, ADVOCACY, 0, 0, Optional.empty()), steps.get(5));
    }

    @Test
    void countsThatGrowAlongTheJourneyOrConversionsBackwardsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Funnel(Map.of(AWARENESS, 10L, INTEREST, 11L)));
        assertThrows(IllegalArgumentException.class, () -> new Funnel(Map.of(INTEREST, 5L)));
        Funnel funnel = Funnel.ofFurthestPhases(List.of(ADVOCACY));
        assertThrows(IllegalArgumentException.class, () -> funnel.conversion(PURCHASE, INTEREST));
        assertThrows(IllegalArgumentException.class, () -> funnel.conversionKpi(ADVOCACY));
    }

    @Test
    void funnelsOfTwoSegmentsAddUp() {
        assertEquals(Funnel.ofFurthestPhases(List.of(PURCHASE, INTENT, AWARENESS)),
                Funnel.ofFurthestPhases(List.of(PURCHASE)).plus(Funnel.ofFurthestPhases(List.of(INTENT, AWARENESS))));
    }

    @Test
    void conversionsStayWithinZeroAndHundredAndAgreeWithCountingCustomers() {
        RandomCases.check(61, random -> {
            List<JourneyPhase> furthest = new ArrayList<>();
            int customers = random.nextInt(100);
            for (int i = 0; i < customers; i++) {
                furthest.add(JourneyPhase.values()[random.nextInt(JourneyPhase.values().length)]);
            }
            Funnel funnel = Funnel.ofFurthestPhases(furthest);
            for (Funnel.Step step : funnel.steps()) {
                long entered = furthest.stream().filter(phase -> phase.compareTo(step.from()) >= 0).count();
                long converted = furthest.stream().filter(phase -> phase.compareTo(step.to()) >= 0).count();
                assertEquals(entered, step.entered());
                assertEquals(converted, step.converted());
                if (entered == 0) {
                    assertEquals(Optional.empty(), step.conversion());
                } else {
                    assertAgrees(100.0 * converted / entered, step.conversion());
                    BigDecimal conversion = step.conversion().orElseThrow();
                    assertTrue(conversion.signum() >= 0 && conversion.compareTo(BigDecimal.valueOf(100)) <= 0);
                }
            }
        });
    }
}
