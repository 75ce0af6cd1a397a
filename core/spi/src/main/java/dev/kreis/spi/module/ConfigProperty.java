package dev.kreis.spi.module;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting in a module's configuration schema. Admins set values with
 * {@code PUT /api/v1/modules/{id}/config}; the platform validates them against the schema (type,
 * required, bounds) before the module sees them.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param key          lower camel case, e.g. {@code conversionWindowDays}
 * @param type         the value's type
 * @param required     whether a value must be present (from the admin or {@code defaultValue})
 * @param defaultValue the value used when none is set, written as the wire form of {@code type}
 * @param min          for numbers: the smallest allowed value
 * @param max          for numbers: the largest allowed value; for strings: the longest allowed length
 * @param description  one sentence for the admin
 */
public record ConfigProperty(String key, Type type, boolean required, Optional<String> defaultValue, Optional<Long> min,
        Optional<Long> max, String description) {

    /** What a key looks like. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]{0,63}");

    /** The types a setting may have. */
    public enum Type {
        STRING, INTEGER, DECIMAL, BOOLEAN
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the key is malformed or the default does not fit the type
     */
    public ConfigProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(description, "description");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("config key must be lower camel case: '" + key + "'");
        }
    }

    /** A setting of {@code type} with a default, no bounds. */
    public static ConfigProperty of(String key, Type type, String defaultValue, String description) {
        return new ConfigProperty(key, type, true, Optional.of(defaultValue), Optional.empty(), Optional.empty(), description);
    }

    /** An integer setting with a default and bounds. */
    public static ConfigProperty integer(String key, long defaultValue, long min, long max, String description) {
        return new ConfigProperty(key, Type.INTEGER, true, Optional.of(Long.toString(defaultValue)), Optional.of(min), Optional.of(max),
                description);
    }
}
