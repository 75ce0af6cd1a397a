package dev.kreis.platform.journey;

import java.time.OffsetDateTime;
import java.util.Objects;

import dev.kreis.spi.touchpoint.JourneyPhase;

/**
 * A customer's touchpoints in one journey phase, summarised: the first and the last, and how many.
 *
 * @param phase       the phase the touchpoints were in
 * @param firstAt     when the first of them occurred
 * @param lastAt      when the last of them occurred
 * @param touchpoints how many there were, at least one
 */
public record PhaseSpan(JourneyPhase phase, OffsetDateTime firstAt, OffsetDateTime lastAt, long touchpoints) {

    public PhaseSpan {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(firstAt, "firstAt");
        Objects.requireNonNull(lastAt, "lastAt");
        if (touchpoints < 1 || lastAt.isBefore(firstAt)) {
            throw new IllegalArgumentException("a phase span has at least one touchpoint and ends after it starts");
        }
    }
}
