package dev.kreis.platform.identity;

import java.util.Locale;
import java.util.Optional;

/** The kinds of identifier that link profiles. */
public enum IdentifierType {
    /** An e-mail address, lower-cased and trimmed. */
    EMAIL,
    /** A phone number in E.164 form. */
    PHONE,
    /** An id in an external system (the system is named, e.g. {@code hubspot}). */
    EXTERNAL,
    /** A custom key (the key is named in {@code system}, e.g. {@code loyalty-card}). */
    CUSTOM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasSystem() {
        return this == EXTERNAL || this == CUSTOM;
    }

    public static Optional<IdentifierType> fromWire(String value) {
        for (IdentifierType type : values()) {
            if (type.wire().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
