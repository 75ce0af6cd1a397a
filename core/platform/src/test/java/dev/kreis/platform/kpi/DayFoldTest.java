package dev.kreis.platform.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DayFoldTest {
    private static final UUID PROFILE = UUID.randomUUID();
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2031-01-01T12:00:00Z");

    private static DayFold.Fact fact(String type, String phase, String scale, Integer score, String amount, int minute) {
        return new DayFold.Fact(UUID.randomUUID(), PROFILE, type, "core", phase, "customer", scale,
                score == null ? null : BigDecimal.valueOf(score), amount == null ? null : new BigDecimal(amount), NOON.plusMinutes(minute));
    }

    @Test
    void answersAreCountedPerScoreAndOrdersSummed() {
        DayFold fold = new DayFold();
        fold.add(fact("feedback.nps", "advocacy", "nps", 9, null, 1));
        fold.add(fact("feedback.nps", "advocacy", "nps", 9, null, 2));
        fold.add(fact("feedback.nps", "advocacy", "nps", 0, null, 3));
        fold.add(fact("revenue.order", "purchase", null, null, "10.50", 4));
        fold.add(fact("revenue.order", "purchase", null, null, "4.50", 5));

        List<DayFold.DayRow> rows = fold.dayRows();
        assertEquals(3, rows.size());
        assertEquals(2, rows.stream().filter(r -> r.score() == 9).findFirst().orElseThrow().touchpoints());
        DayFold.DayRow orders = rows.stream().filter(r -> r.type().equals("revenue.order")).findFirst().orElseThrow();
        assertEquals(DayFold.NO_SCORE, orders.score());
        assertEquals(2, orders.touchpoints());
        assertEquals(new BigDecimal("15.00"), orders.amountSum());
    }

    @Test
    void theProfileRowKeepsTheLouderPeakTheLaterOnATieAndTheLastAnswerAsEnd() {
        DayFold fold = new DayFold();
        fold.add(fact("feedback.csat", "retention", "csat", 5, null, 1));
        fold.add(fact("feedback.csat", "retention", "csat", 1, null, 2));
        DayFold.Fact later = fact("feedback.csat", "retention", "csat", 4, null, 3);
        fold.add(later);

        DayFold.ProfileDayRow row = fold.profileRows().get(0);
        assertEquals(3, row.scored());
        assertEquals(0, new BigDecimal("-30").compareTo(row.peak30()), "CSAT 1 ties CSAT 5 in size and comes later");
        assertEquals(0, new BigDecimal("15").compareTo(row.end30()));
        assertEquals(later.id(), row.endId());
        assertEquals(NOON.plusMinutes(2), row.peakAt());
    }

    @Test
    void theProfileRowKeepsTheMrrAfterTheDaysLastSubscriptionEvent() {
        DayFold fold = new DayFold();
        fold.add(fact("revenue.subscription_started", "retention", null, null, "100", 1));
        fold.add(fact("revenue.subscription_changed", "retention", null, null, "80", 2));
        fold.add(fact("core.interaction", "retention", null, null, null, 3));

        DayFold.ProfileDayRow row = fold.profileRows().get(0);
        assertEquals(new BigDecimal("80"), row.mrr());
        assertEquals(3, row.touchpoints());
        assertEquals(5, row.phaseRank(), "retention is the sixth phase");
        assertNull(row.peak30());
    }

    @Test
    void touchpointsOfDifferentPhasesGetRowsOfTheirOwn() {
        DayFold fold = new DayFold();
        fold.add(fact("core.interaction", "awareness", null, null, null, 1));
        fold.add(fact("revenue.order", "purchase", null, null, "5", 2));

        assertEquals(List.of(0, 4), fold.profileRows().stream().map(DayFold.ProfileDayRow::phaseRank).toList());
        assertEquals(List.of(0L, 1L), fold.profileRows().stream().map(DayFold.ProfileDayRow::orders).toList());
    }

    @Test
    void foldingTheSameTouchpointsAgainGivesTheSameRows() {
        List<DayFold.Fact> facts = List.of(fact("feedback.ces", "retention", "ces", 2, null, 1), fact("revenue.order", "purchase", null, null, "7", 2));
        DayFold first = new DayFold();
        DayFold second = new DayFold();
        facts.forEach(first::add);
        facts.forEach(second::add);
        assertEquals(first.dayRows(), second.dayRows());
        assertEquals(first.profileRows(), second.profileRows());
    }

    @Test
    void aScoreOffItsScaleIsNotCountedAsAnAnswer() {
        DayFold fold = new DayFold();
        fold.add(fact("feedback.nps", "advocacy", "nps", 11, null, 1));
        assertEquals(DayFold.NO_SCORE, fold.dayRows().get(0).score());
        assertEquals(0, fold.profileRows().get(0).scored());
    }
}
