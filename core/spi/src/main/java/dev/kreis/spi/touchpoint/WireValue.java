package dev.kreis.spi.touchpoint;

import java.util.Locale;
import java.util.Optional;

/**
 * Helpers for the lower-case names under which SPI enums travel in JSON and in the database.
 *
 * <p>Stability: internal to the SPI; use the {@code fromWire}/{@code wire} methods of the enums.
 */
final class WireValue {
    private WireValue() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (E candidate : type.getEnumConstants()) {
            if (of(candidate).equals(wire)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
