package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.assertAgrees;
import static dev.kreis.platform.kpi.RandomCases.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.ScoreScale;

class PeakEndTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static ScoredTouchpoint<String> scored(String id, int minute, ScoreScale scale, String score) {
        return new ScoredTouchpoint<>(id, T0.plus(Duration.ofMinutes(minute)), scale, decimal(score));
    }

    private static PeakEnd<String> journey(List<ScoredTouchpoint<String>> touchpoints) {
        return PeakEnd.of(touchpoints).orElseThrow();
    }

    @Test
    void eachScaleIsNormalisedToMinusOneToOne() {
        assertEquals(decimal("1.0000"), scored("a", 0, ScoreScale.NPS, "10").normalised());
        assertEquals(decimal("-0.6000"), scored("a", 0, ScoreScale.NPS, "2").normalised());
        assertEquals(decimal("-1.0000"), scored("a", 0, ScoreScale.CSAT, "1").normalised());
        assertEquals(decimal("0.5000"), scored("a", 0, ScoreScale.CSAT, "4").normalised());
        assertEquals(decimal("0.3333"), scored("a", 0, ScoreScale.CES, "5").normalised());
        assertEquals(decimal("-0.6667"), scored("a", 0, ScoreScale.CES, "2").normalised());
        assertEquals(decimal("-0.3500"), scored("a", 0, ScoreScale.SENTIMENT, "-0.35").normalised());
    }

    @Test
    void theConceptsExampleScoresMinusAQuarterWhileItsMeanIsZero() {
        PeakEnd<String> peakEnd = journey(List.of(scored("csat-1", 0, ScoreScale.CSAT, "4"), scored("ces", 1, ScoreScale.CES, "1"),
                scored("nps", 2, ScoreScale.NPS, "5"), scored("csat-2", 3, ScoreScale.CSAT, "4")));
        assertEquals("ces", peakEnd.peak().touchpoint());
        assertEquals(decimal("-1.0000"), peakEnd.peak().normalised());
        assertEquals("csat-2", peakEnd.end().touchpoint());
        assertEquals(decimal("0.5000"), peakEnd.end().normalised());
        assertEquals(decimal("-0.2500"), peakEnd.score());
        assertEquals(decimal("0.0000"), peakEnd.mean());
    }

    @Test
    void onATieThePeakIsTheLaterTouchpoint() {
        PeakEnd<String> peakEnd = journey(List.of(scored("angry", 0, ScoreScale.CSAT, "1"), scored("delighted", 1, ScoreScale.NPS, "10"),
                scored("neutral", 2, ScoreScale.NPS, "5")));
        assertEquals("delighted", peakEnd.peak().touchpoint());
        assertEquals(decimal("0.5000"), peakEnd.score());
    }

    @Test
    void touchpointsAreTakenInTimeOrderAndTheSameInstantKeepsTheGivenOrder() {
        PeakEnd<String> peakEnd = journey(List.of(scored("last", 9, ScoreScale.CSAT, "2"), scored("first", 0, ScoreScale.CSAT, "5"),
                scored("tie-a", 5, ScoreScale.CSAT, "1"), scored("tie-b", 5, ScoreScale.NPS, "0")));
        assertEquals(List.of("first", "tie-a", "tie-b", "last"), peakEnd.journey().stream().map(ScoredTouchpoint::touchpoint).toList());
        assertEquals("tie-b", peakEnd.peak().touchpoint());
        assertEquals("last", peakEnd.end().touchpoint());
    }

    @Test
    void aSingleTouchpointIsItsOwnPeakAndEnd() {
        PeakEnd<String> peakEnd = journey(List.of(scored("only", 0, ScoreScale.CES, "6")));
        assertEquals("only", peakEnd.peak().touchpoint());
        assertEquals("only", peakEnd.end().touchpoint());
        assertEquals(decimal("0.6667"), peakEnd.score());
        assertEquals(decimal("0.6667"), peakEnd.mean());
    }

    @Test
    void thirdsAreAddedExactlyAndRoundedOnlyAtTheEnd() {
        PeakEnd<String> peakEnd = journey(List.of(scored("a", 0, ScoreScale.CES, "5"), scored("b", 1, ScoreScale.CES, "5"),
                scored("c", 2, ScoreScale.CES, "6")));
        assertEquals(decimal("0.4444"), peakEnd.mean());
        assertEquals(decimal("0.6667"), peakEnd.score());
    }

    @Test
    void aJourneyWithoutScoredTouchpointsHasNoData() {
        assertEquals(Optional.empty(), PeakEnd.of(List.<ScoredTouchpoint<String>>of()));
        assertEquals(KpiValue.noData(), PeakEnd.averageOver(List.of()));
    }

    @Test
    void outOfScaleScoresAreRejected() {
        assertThrows(ScoreOutOfScaleException.class, () -> scored("a", 0, ScoreScale.NPS, "11"));
        assertThrows(ScoreOutOfScaleException.class, () -> scored("a", 0, ScoreScale.CES, "4.5"));
        assertThrows(ScoreOutOfScaleException.class, () -> scored("a", 0, ScoreScale.SENTIMENT, "1.5"));
    }

    @Test
    void thePeakEndKpiIsTheMeanOfTheCustomersScores() {
        PeakEnd<String> minusAQuarter = journey(List.of(scored("a", 0, ScoreScale.CES, "1"), scored("b", 1, ScoreScale.CSAT, "4")));
        PeakEnd<String> threeQuarters = journey(List.of(scored("c", 0, ScoreScale.NPS, "10"), scored("d", 1, ScoreScale.CSAT, "4")));
        assertEquals(decimal("-0.2500"), minusAQuarter.score());
        assertEquals(decimal("0.7500"), threeQuarters.score());
        assertEquals(new KpiValue(decimal("0.2500"), 2), PeakEnd.averageOver(List.of(minusAQuarter, threeQuarters)));
    }

    @Test
    void peakEndAndMeanStayWithinMinusOneAndOne() {
        RandomCases.check(51, random -> {
            PeakEnd.of(randomJourney(random)).ifPresent(peakEnd -> {
                assertTrue(peakEnd.score().abs().compareTo(BigDecimal.ONE) <= 0, peakEnd.score().toString());
                assertTrue(peakEnd.mean().abs().compareTo(BigDecimal.ONE) <= 0, peakEnd.mean().toString());
            });
        });
    }

    @Test
    void peakEndAgreesWithAScanFromTheEnd() {
        RandomCases.check(52, random -> {
            List<ScoredTouchpoint<String>> touchpoints = randomJourney(random);
            Optional<PeakEnd<String>> peakEnd = PeakEnd.of(touchpoints);
            if (touchpoints.isEmpty()) {
                assertEquals(Optional.empty(), peakEnd);
                return;
            }
            // the journeys are generated in time order with distinct instants, so no sorting is needed here
            double[] normalised = touchpoints.stream().mapToDouble(PeakEndTest::normaliseInDoubles).toArray();
            int peak = normalised.length - 1;
            for (int i = normalised.length - 2; i >= 0; i--) {
                if (Math.abs(normalised[i]) > Math.abs(normalised[peak]) + 1e-12) {
                    peak = i;
                }
            }
            assertEquals(touchpoints.get(peak).touchpoint(), peakEnd.get().peak().touchpoint());
            assertAgrees((normalised[peak] + normalised[normalised.length - 1]) / 2, peakEnd.get().score());
            double sum = 0;
            for (double value : normalised) {
                sum += value;
            }
            assertAgrees(sum / normalised.length, peakEnd.get().mean());
        });
    }

    private static double normaliseInDoubles(ScoredTouchpoint<String> touchpoint) {
        double score = touchpoint.score().doubleValue();
        return switch (touchpoint.scale()) {
            case NPS -> score / 5 - 1;
            case CSAT -> score / 2 - 1.5;
            case CES -> score / 3 - 4.0 / 3;
            case SENTIMENT -> score;
        };
    }

    private static List<ScoredTouchpoint<String>> randomJourney(Random random) {
        int size = random.nextInt(8);
        List<ScoredTouchpoint<String>> journey = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ScoreScale scale = ScoreScale.values()[random.nextInt(ScoreScale.values().length)];
            String score = switch (scale) {
                case NPS -> String.valueOf(random.nextInt(11));
                case CSAT -> String.valueOf(1 + random.nextInt(5));
                case CES -> String.valueOf(1 + random.nextInt(7));
                case SENTIMENT -> BigDecimal.valueOf(random.nextInt(201) - 100, 2).toPlainString();
            };
            journey.add(scored("t" + i, i, scale, score));
        }
        return journey;
    }
}
