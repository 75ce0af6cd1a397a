package dev.kreis.platform.bulk;

import java.util.Locale;
import java.util.Optional;

/** What the rows of an import are. */
public enum ImportKind {
    PROFILES, TOUCHPOINTS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> fromWire(String value) {
        for (ImportKind kind : values()) {
            if (kind.wire().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
