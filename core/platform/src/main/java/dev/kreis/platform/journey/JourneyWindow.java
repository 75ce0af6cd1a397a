package dev.kreis.platform.journey;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The part of a journey looked at: touchpoints that occurred at or after {@code from} and before
 * {@code to}. Either end may be open ({@code null}); when both are given, {@code from} is before {@code to}.
 */
public record JourneyWindow(OffsetDateTime from, OffsetDateTime to) {

    public JourneyWindow {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("a journey window must end after it starts: " + from + " to " + to);
        }
    }

    /** The whole journey. */
    public static JourneyWindow always() {
        return new JourneyWindow(null, null);
    }

    public Optional<OffsetDateTime> start() {
        return Optional.ofNullable(from);
    }

    public Optional<OffsetDateTime> end() {
        return Optional.ofNullable(to);
    }
}
