package dev.kreis.platform.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.touchpoint.JourneyPhase;

class PhaseStayTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2025-03-01T00:00:00Z");

    @Test
    void aPhaseLastsUntilALaterPhaseIsFirstReachedAndTheFurthestUntilTheHorizon() {
        List<PhaseStay> stays = PhaseStay.of(List.of(
                span(JourneyPhase.PURCHASE, 10, 12),
                span(JourneyPhase.AWARENESS, 0, 5),
                span(JourneyPhase.INTEREST, 3, 4)), T0.plusHours(20));

        assertEquals(List.of(JourneyPhase.AWARENESS, JourneyPhase.INTEREST, JourneyPhase.PURCHASE), stays.stream().map(PhaseStay::phase).toList());
        assertEquals(List.of(Duration.ofHours(3), Duration.ofHours(7), Duration.ofHours(10)),
                stays.stream().map(PhaseStay::timeInPhase).toList());
    }

    @Test
    void aPhaseFirstReachedAfterALaterOneWasNeverCurrent() {
        List<PhaseStay> stays = PhaseStay.of(List.of(span(JourneyPhase.PURCHASE, 0, 0), span(JourneyPhase.AWARENESS, 48, 48)),
                T0.plusHours(72));

        assertEquals(Duration.ZERO, stays.get(0).timeInPhase());
        assertEquals(Duration.ofHours(72), stays.get(1).timeInPhase());
    }

    @Test
    void theTimesAddUpToTheSpanFromTheFirstTouchpointToTheHorizon() {
        List<PhaseStay> stays = PhaseStay.of(List.of(span(JourneyPhase.INTENT, 1, 30), span(JourneyPhase.ADVOCACY, 9, 9),
                span(JourneyPhase.CONSIDERATION, 5, 6), span(JourneyPhase.RETENTION, 2, 2)), T0.plusHours(40));

        assertEquals(Duration.ofHours(39), stays.stream().map(PhaseStay::timeInPhase).reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void aTouchpointAfterTheHorizonGivesNoNegativeTime() {
        List<PhaseStay> stays = PhaseStay.of(List.of(span(JourneyPhase.INTEREST, 5, 5)), T0);

        assertEquals(Duration.ZERO, stays.get(0).timeInPhase());
    }

    @Test
    void aPhaseHasOneSpan() {
        assertThrows(IllegalArgumentException.class,
                () -> PhaseStay.of(List.of(span(JourneyPhase.INTEREST, 0, 1), span(JourneyPhase.INTEREST, 2, 3)), T0.plusHours(5)));
    }

    private static PhaseSpan span(JourneyPhase phase, int firstHour, int lastHour) {
        return new PhaseSpan(phase, T0.plusHours(firstHour), T0.plusHours(lastHour), 1);
    }
}
