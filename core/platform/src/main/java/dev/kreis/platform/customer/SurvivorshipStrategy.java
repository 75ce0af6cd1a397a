package dev.kreis.platform.customer;

import java.util.Locale;
import java.util.Optional;

/** How the golden value of an attribute is chosen among the values its profiles carry. */
public enum SurvivorshipStrategy {
    /** The value from the first source in a priority list that has one; the most recent within a source. */
    SOURCE_PRIORITY,
    /** The most recently observed value. */
    MOST_RECENT,
    /** The value most profiles agree on; ties go to the value observed most recently. */
    MOST_FREQUENT,
    /** The earliest observed value. */
    FIRST_NON_EMPTY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SurvivorshipStrategy> fromWire(String value) {
        for (SurvivorshipStrategy strategy : values()) {
            if (strategy.wire().equals(value)) {
                return Optional.of(strategy);
            }
        }
        return Optional.empty();
    }
}
