package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.assertAgrees;
import static dev.kreis.platform.kpi.RandomCases.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class NetPromoterScoreTest {

    @Test
    void npsCountsNineAndTenAsPromoters() {
        NetPromoterScore nps = NetPromoterScore.ofScores(List.of(9, 10, 10));
        assertEquals(new NetPromoterScore(3, 0, 0), nps);
        assertEquals(Optional.of(decimal("100.0000")), nps.value());
    }

    @Test
    void npsCountsSevenAndEightAsPassivesAndZeroToSixAsDetractors() {
        assertEquals(new NetPromoterScore(0, 2, 7), NetPromoterScore.ofScores(List.of(7, 8, 0, 1, 2, 3, 4, 5, 6)));
        assertEquals(Optional.of(decimal("-100.0000")), NetPromoterScore.ofScores(List.of(0, 6)).value());
        assertEquals(Optional.of(decimal("0.0000")), NetPromoterScore.ofScores(List.of(7, 8)).value());
    }

    @Test
    void theConceptsExampleScoresTwenty() {
        NetPromoterScore nps = NetPromoterScore.ofScores(List.of(10, 9, 9, 8, 7, 6, 3, 10, 0, 9));
        assertEquals(new NetPromoterScore(5, 2, 3), nps);
        assertEquals(Optional.of(decimal("20.0000")), nps.value());
        assertEquals(new KpiValue(decimal("20.0000"), 10), nps.asKpiValue());
        assertEquals(Optional.of(decimal("50.0000")), nps.promoterShare());
    }

    @Test
    void npsFromAHistogramEqualsNpsFromTheScores() {
        ScoreHistogram histogram = ScoreHistogram.ofCounts(ScoreScale.NPS, Map.of(10, 2L, 9, 3L, 8, 1L, 7, 1L, 6, 1L, 3, 1L, 0, 1L));
        assertEquals(NetPromoterScore.ofScores(List.of(10, 9, 9, 8, 7, 6, 3, 10, 0, 9)), NetPromoterScore.of(histogram));
    }

    @Test
    void npsWithoutResponsesHasNoDataRatherThanZero() {
        NetPromoterScore none = NetPromoterScore.ofScores(List.of());
        assertEquals(Optional.empty(), none.value());
        assertNull(none.asKpiValue().value());
        assertEquals(0, none.asKpiValue().sampleSize());
    }

    @Test
    void npsRejectsScoresOutsideZeroToTen() {
        ScoreOutOfScaleException thrown = assertThrows(ScoreOutOfScaleException.class, () -> NetPromoterScore.ofScores(List.of(9, 11)));
        assertEquals("NPS score 11 is not on the scale 0..10 (whole numbers only)", thrown.getMessage());
        assertThrows(ScoreOutOfScaleException.class, () -> NetPromoterScore.ofScores(List.of(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> NetPromoterScore.of(ScoreHistogram.of(ScoreScale.CSAT, List.of(5))));
    }

    @Test
    void npsIsRoundedOnceToFourDecimalPlacesHalfAwayFromZero() {
        assertEquals(Optional.of(decimal("33.3333")), NetPromoterScore.ofScores(List.of(10, 8, 7)).value());
        assertEquals(Optional.of(decimal("66.6667")), NetPromoterScore.ofScores(List.of(10, 9, 7)).value());
        assertEquals(Optional.of(decimal("-66.6667")), NetPromoterScore.ofScores(List.of(0, 1, 7)).value());
    }

    @Test
    void answersFromTwoDaysAddUp() {
        NetPromoterScore monday = NetPromoterScore.ofScores(List.of(10, 0));
        NetPromoterScore tuesday = NetPromoterScore.ofScores(List.of(9, 9, 7));
        assertEquals(NetPromoterScore.ofScores(List.of(10, 0, 9, 9, 7)), monday.plus(tuesday));
    }

    @Test
    void npsStaysWithinMinusHundredAndHundred() {
        RandomCases.check(11, random -> {
            BigDecimal value = NetPromoterScore.ofScores(randomScores(random)).value().orElse(BigDecimal.ZERO);
            assertTrue(value.compareTo(BigDecimal.valueOf(-100)) >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0, value.toString());
        });
    }

    @Test
    void addingAPromoterNeverLowersNps() {
        RandomCases.check(12, random -> {
            List<Integer> scores = randomScores(random);
            List<Integer> withPromoter = new ArrayList<>(scores);
            withPromoter.add(9 + random.nextInt(2));
            BigDecimal before = NetPromoterScore.ofScores(scores).value().orElse(BigDecimal.valueOf(-100));
            BigDecimal after = NetPromoterScore.ofScores(withPromoter).value().orElseThrow();
            assertTrue(after.compareTo(before) >= 0, before + " -> " + after);
        });
    }

    @Test
    void npsAgreesWithABruteForceCount() {
        RandomCases.check(13, random -> {
            List<Integer> scores = randomScores(random);
            int net = 0;
            for (int score : scores) {
                net += score >= 9 ? 1 : score <= 6 ? -1 : 0;
            }
            NetPromoterScore nps = NetPromoterScore.ofScores(scores);
            if (scores.isEmpty()) {
                assertEquals(Optional.empty(), nps.value());
            } else {
                assertAgrees(100.0 * net / scores.size(), nps.value());
            }
            assertEquals(scores.size(), nps.responses());
        });
    }

    @Test
    void answersSplitIntoDaysAddUpToTheSameScore() {
        RandomCases.check(14, random -> {
            List<Integer> scores = randomScores(random);
            int cut = scores.isEmpty() ? 0 : random.nextInt(scores.size() + 1);
            ScoreHistogram firstDay = ScoreHistogram.of(ScoreScale.NPS, scores.subList(0, cut));
            ScoreHistogram secondDay = ScoreHistogram.of(ScoreScale.NPS, scores.subList(cut, scores.size()));
            NetPromoterScore whole = NetPromoterScore.ofScores(scores);
            assertEquals(whole, NetPromoterScore.of(firstDay.plus(secondDay)));
            assertEquals(whole, NetPromoterScore.of(firstDay).plus(NetPromoterScore.of(secondDay)));
        });
    }

    static List<Integer> randomScores(Random random) {
        int size = random.nextInt(60);
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            scores.add(random.nextInt(11));
        }
        return scores;
    }
}
