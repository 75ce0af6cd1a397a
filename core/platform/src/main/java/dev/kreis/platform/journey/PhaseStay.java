package dev.kreis.platform.journey;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.kreis.spi.touchpoint.JourneyPhase;

/**
 * One phase of a customer's journey: when the customer first reached it, their last touchpoint in it,
 * and how long it was their current phase.
 *
 * <p><b>Time in phase.</b> A phase is the customer's current (furthest) phase from the moment they first
 * reach it until they first reach any later phase; the furthest phase stays current until the horizon
 * (the end of the window, or now when that is earlier or the window is open). A phase first reached only
 * after a later phase had been reached was never the current one, so its time is zero: a customer who
 * bought and then read a blog post spent no time in awareness. The times of a journey therefore add up to
 * the span from its first touchpoint to the horizon, and none is negative.
 *
 * @param phase          the phase
 * @param firstReachedAt the first touchpoint in this phase
 * @param lastTouchAt    the last touchpoint in this phase
 * @param touchpoints    how many touchpoints were in this phase
 * @param timeInPhase    how long this phase was the customer's current phase, zero or more
 */
public record PhaseStay(JourneyPhase phase, OffsetDateTime firstReachedAt, OffsetDateTime lastTouchAt, long touchpoints,
        Duration timeInPhase) {

    public PhaseStay {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(firstReachedAt, "firstReachedAt");
        Objects.requireNonNull(lastTouchAt, "lastTouchAt");
        if (timeInPhase.isNegative()) {
            throw new IllegalArgumentException("time in phase is never negative: " + timeInPhase);
        }
    }

    /** The stays of a journey, in journey order, from its phase spans (one per phase) and its horizon. */
    public static List<PhaseStay> of(Collection<PhaseSpan> spans, OffsetDateTime horizon) {
        List<PhaseSpan> ordered = spans.stream().sorted(Comparator.comparing(PhaseSpan::phase)).toList();
        List<PhaseStay> stays = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            PhaseSpan span = ordered.get(i);
            if (i > 0 && ordered.get(i - 1).phase() == span.phase()) {
                throw new IllegalArgumentException("one span per phase: " + span.phase().wire() + " twice");
            }
            OffsetDateTime left = horizon;
            for (PhaseSpan later : ordered.subList(i + 1, ordered.size())) {
                if (later.firstAt().isBefore(left)) {
                    left = later.firstAt();
                }
            }
            Duration time = Duration.between(span.firstAt(), left);
            stays.add(new PhaseStay(span.phase(), span.firstAt(), span.lastAt(), span.touchpoints(),
                    time.isNegative() ? Duration.ZERO : time));
        }
        return List.copyOf(stays);
    }
}
