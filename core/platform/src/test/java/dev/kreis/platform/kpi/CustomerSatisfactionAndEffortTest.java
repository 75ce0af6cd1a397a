package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.assertAgrees;
import static dev.kreis.platform.kpi.RandomCases.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.ScoreScale;

class CustomerSatisfactionAndEffortTest {

    @Test
    void csatIsTheShareOfFoursAndFivesAndTheConceptsExampleIsSixtyTwoPointFive() {
        CustomerSatisfaction csat = CustomerSatisfaction.ofScores(List.of(5, 4, 3, 5, 2, 4, 1, 5));
        assertEquals(Optional.of(decimal("62.5000")), csat.topTwoBox());
        assertEquals(Optional.of(decimal("3.6250")), csat.mean());
        assertEquals(new KpiValue(decimal("62.5000"), 8), csat.asKpiValue());
        assertEquals(new KpiValue(decimal("3.6250"), 8), csat.meanKpi());
    }

    @Test
    void csatFromAHistogramEqualsCsatFromTheScores() {
        ScoreHistogram histogram = ScoreHistogram.ofCounts(ScoreScale.CSAT, Map.of(5, 3L, 4, 2L, 3, 1L, 2, 1L, 1, 1L));
        assertEquals(CustomerSatisfaction.ofScores(List.of(5, 4, 3, 5, 2, 4, 1, 5)), CustomerSatisfaction.of(histogram));
    }

    @Test
    void csatRejectsScoresOutsideOneToFive() {
        assertThrows(ScoreOutOfScaleException.class, () -> CustomerSatisfaction.ofScores(List.of(0)));
        ScoreOutOfScaleException thrown = assertThrows(ScoreOutOfScaleException.class, () -> CustomerSatisfaction.ofScores(List.of(6)));
        assertEquals(ScoreScale.CSAT, thrown.scale());
        assertEquals(BigDecimal.valueOf(6), thrown.score());
    }

    @Test
    void csatWithoutAnswersHasNoData() {
        CustomerSatisfaction none = CustomerSatisfaction.ofScores(List.of());
        assertEquals(Optional.empty(), none.topTwoBox());
        assertEquals(Optional.empty(), none.mean());
        assertEquals(KpiValue.noData(), none.asKpiValue());
    }

    @Test
    void cesIsTheMeanAnswerAndTheConceptsExampleIsFivePointSix() {
        CustomerEffortScore ces = CustomerEffortScore.ofScores(List.of(7, 6, 5, 3, 7));
        assertEquals(Optional.of(decimal("5.6000")), ces.score());
        assertEquals(Optional.of(decimal("80.0000")), ces.shareEasy());
        assertEquals(new KpiValue(decimal("5.6000"), 5), ces.asKpiValue());
        assertEquals(new KpiValue(decimal("80.0000"), 5), ces.shareEasyKpi());
    }

    @Test
    void cesCountsFiveToSevenAsEasy() {
        assertEquals(Optional.of(decimal("60.0000")), CustomerEffortScore.ofScores(List.of(4, 5, 6, 7, 1)).shareEasy());
        assertEquals(Optional.of(decimal("33.3333")), CustomerEffortScore.ofScores(List.of(4, 5, 3)).shareEasy());
    }

    @Test
    void cesRejectsScoresOutsideOneToSevenAndHasNoDataWithoutAnswers() {
        assertThrows(ScoreOutOfScaleException.class, () -> CustomerEffortScore.ofScores(List.of(0)));
        assertThrows(ScoreOutOfScaleException.class, () -> CustomerEffortScore.ofScores(List.of(8)));
        assertEquals(Optional.empty(), CustomerEffortScore.ofScores(List.of()).score());
        assertEquals(Optional.empty(), CustomerEffortScore.ofScores(List.of()).shareEasy());
    }

    @Test
    void aggregatesThatCannotComeFromRealAnswersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerSatisfaction(2, 3, 8));
        assertThrows(IllegalArgumentException.class, () -> new CustomerSatisfaction(2, 1, 11));
        assertThrows(IllegalArgumentException.class, () -> new CustomerEffortScore(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.ofCounts(ScoreScale.CES, Map.of(3, -1L)));
        assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.of(ScoreScale.SENTIMENT, List.of()));
    }

    @Test
    void answersFromTwoDaysAddUp() {
        assertEquals(CustomerSatisfaction.ofScores(List.of(5, 1, 4)),
                CustomerSatisfaction.ofScores(List.of(5)).plus(CustomerSatisfaction.ofScores(List.of(1, 4))));
        assertEquals(CustomerEffortScore.ofScores(List.of(7, 2)),
                CustomerEffortScore.ofScores(List.of(7)).plus(CustomerEffortScore.ofScores(List.of(2))));
        assertEquals(ScoreHistogram.of(ScoreScale.CSAT, List.of(5, 5, 2)),
                ScoreHistogram.of(ScoreScale.CSAT, List.of(5)).plus(ScoreHistogram.of(ScoreScale.CSAT, List.of(2, 5))));
    }

    @Test
    void csatStaysWithinZeroAndHundredAndItsMeanWithinOneAndFive() {
        RandomCases.check(21, random -> {
            CustomerSatisfaction csat = CustomerSatisfaction.ofScores(randomScores(random, 1, 5));
            csat.topTwoBox().ifPresent(value -> assertTrue(value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0));
            csat.mean().ifPresent(mean -> assertTrue(mean.compareTo(BigDecimal.ONE) >= 0 && mean.compareTo(BigDecimal.valueOf(5)) <= 0));
        });
    }

    @Test
    void csatAgreesWithABruteForceCount() {
        RandomCases.check(22, random -> {
            List<Integer> scores = randomScores(random, 1, 5);
            CustomerSatisfaction csat = CustomerSatisfaction.ofScores(scores);
            if (scores.isEmpty()) {
                assertEquals(Optional.empty(), csat.topTwoBox());
                return;
            }
            assertAgrees(100.0 * scores.stream().filter(score -> score > 3).count() / scores.size(), csat.topTwoBox());
            assertAgrees(scores.stream().mapToInt(Integer::intValue).average().orElseThrow(), csat.mean());
        });
    }

    @Test
    void cesAgreesWithABruteForceCount() {
        RandomCases.check(23, random -> {
            List<Integer> scores = randomScores(random, 1, 7);
            CustomerEffortScore ces = CustomerEffortScore.ofScores(scores);
            if (scores.isEmpty()) {
                assertEquals(Optional.empty(), ces.score());
                return;
            }
            assertAgrees(scores.stream().mapToInt(Integer::intValue).average().orElseThrow(), ces.score());
            assertAgrees(100.0 * scores.stream().filter(score -> score >= 5).count() / scores.size(), ces.shareEasy());
        });
    }

    private static List<Integer> randomScores(Random random, int lowest, int highest) {
        int size = random.nextInt(50);
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            scores.add(lowest + random.nextInt(highest - lowest + 1));
        }
        return scores;
    }
}
