package dev.kreis.spi.touchpoint;

import java.util.Optional;

/**
 * The level of the CX pyramid (Gartner) a kind of interaction serves, bottom to top: what the customer
 * expects of it. A touchpoint type may name one ({@link TouchpointTypeDefinition#pyramidLevel()}), so
 * people reading the registry see which expectation its touchpoints answer.
 *
 * <p>Stability: stable.
 */
public enum CxPyramidLevel {
    /** 1: information I can use, at the right time, on the right channel. */
    COMMUNICATION(1),
    /** 2: my problem solved when I ask. */
    ACCOUNTABILITY(2),
    /** 3: my needs met when I ask. */
    ENGAGEMENT(3),
    /** 4: what I need before I ask. */
    PROACTIVITY(4),
    /** 5: to become better, safer, stronger. */
    ENHANCEMENT(5);

    private final int number;

    CxPyramidLevel(int number) {
        this.number = number;
    }

    /** The level's number, 1 (bottom) to 5 (top). */
    public int number() {
        return number;
    }

    /** The lower-case name used on the wire. */
    public String wire() {
        return WireValue.of(this);
    }

    /** The level with this wire name. */
    public static Optional<CxPyramidLevel> fromWire(String wire) {
        return WireValue.parse(CxPyramidLevel.class, wire);
    }
}
