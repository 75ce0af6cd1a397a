package dev.kreis.spi.module;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A custom customer attribute a module adds to the golden record, e.g. {@code events.sessions_attended}.
 * Profiles may carry it under its key; the platform checks the value's type on intake and refuses a
 * profile carrying it while the module is not installed.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param key         {@code <module id>.<name>}, lower case
 * @param type        the JSON type values must have
 * @param description one sentence for people reading the record
 */
public record AttributeDefinition(String key, Type type, String description) {

    /** What a key looks like. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,31}\\.[a-z][a-z0-9_]{0,63}");

    /** The JSON types an attribute may have. */
    public enum Type {
        STRING, NUMBER, BOOLEAN, DATE
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the key is malformed
     */
    public AttributeDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("attribute key must look like 'module.name' in lower case: '" + key + "'");
        }
    }
}
