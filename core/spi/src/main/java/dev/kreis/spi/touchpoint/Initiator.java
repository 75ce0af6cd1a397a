package dev.kreis.spi.touchpoint;

import java.util.Optional;

/**
 * Who started an interaction: the customer (reactive for the company) or the company (proactive).
 * The proactive share KPI counts company-initiated service touchpoints.
 *
 * <p>Stability: stable.
 */
public enum Initiator {
    CUSTOMER, COMPANY;

    /** The lower-case name used in JSON and storage. */
    public String wire() {
        return WireValue.of(this);
    }

    /** Parses a lower-case initiator name; empty for {@code null} or an unknown name. */
    public static Optional<Initiator> fromWire(String wire) {
        return WireValue.parse(Initiator.class, wire);
    }
}
