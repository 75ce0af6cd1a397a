package dev.kreis.spi.touchpoint;

import java.util.Optional;

/**
 * The customer-journey phases in their order: a customer's current phase is the furthest one any of
 * their touchpoints reached, so {@link #ordinal()} order is meaningful and will not change.
 *
 * <p>Stability: stable.
 */
public enum JourneyPhase {
    AWARENESS, INTEREST, CONSIDERATION, INTENT, PURCHASE, RETENTION, ADVOCACY;

    /** The lower-case name used in JSON and storage. */
    public String wire() {
        return WireValue.of(this);
    }

    /** Parses a lower-case phase name; empty for {@code null} or an unknown name. */
    public static Optional<JourneyPhase> fromWire(String wire) {
        return WireValue.parse(JourneyPhase.class, wire);
    }
}
