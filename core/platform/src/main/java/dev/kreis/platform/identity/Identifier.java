package dev.kreis.platform.identity;

import java.util.Objects;

/**
 * A normalised identifier. {@code system} is the empty string for e-mail and phone. Two profiles
 * carrying equal identifiers belong to the same customer (unless a person decided otherwise).
 */
public record Identifier(IdentifierType type, String system, String value) {

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(value, "value");
    }

    /** A short readable form, e.g. {@code email:anna@example.com} or {@code external:shop:C-1}. */
    public String label() {
        return type.hasSystem() ? type.wire() + ":" + system + ":" + value : type.wire() + ":" + value;
    }
}
