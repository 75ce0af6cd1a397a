package dev.kreis.platform.module;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.spi.module.ConfigProperty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates module settings against the module's configuration schema. */
final class ModuleSettings {
    static final int MAX_STRING = 2000;

    private ModuleSettings() {
    }

    /**
     * The settings {@code values} describe, checked against {@code schema}: every key known, every value of
     * its type and within its bounds, every required key set or defaulted. Answers all keys with a value.
     *
     * @throws InvalidInputException naming each wrong key
     */
    static Map<String, String> validate(List<ConfigProperty> schema, JsonNode values) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> result = new LinkedHashMap<>();
        if (values == null || !values.isObject()) {
            throw new InvalidInputException("config", "must be a JSON object of setting names to values");
        }
        Map<String, ConfigProperty> byKey = new LinkedHashMap<>();
        schema.forEach(p -> byKey.put(p.key(), p));
        for (Iterator<String> names = values.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!byKey.containsKey(name)) {
                errors.add(new FieldError(name, "is not a setting of this module; known: " + byKey.keySet()));
            }
        }
        for (ConfigProperty property : schema) {
            JsonNode value = values.get(property.key());
            if (value == null || value.isNull()) {
                property.defaultValue().ifPresentOrElse(d -> result.put(property.key(), d), () -> {
                    if (property.required()) {
                        errors.add(new FieldError(property.key(), "is required"));
                    }
                });
                continue;
            }
            String problem = check(property, value);
            if (problem != null) {
                errors.add(new FieldError(property.key(), problem));
            } else {
                result.put(property.key(), value.isTextual() ? value.asText() : value.toString());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return result;
    }

    /** The defaults of the schema, as the settings of a module nobody configured. */
    static Map<String, String> defaults(List<ConfigProperty> schema) {
        Map<String, String> result = new LinkedHashMap<>();
        schema.forEach(p -> p.defaultValue().ifPresent(d -> result.put(p.key(), d)));
        return result;
    }

    private static String check(ConfigProperty property, JsonNode value) {
        switch (property.type()) {
            case BOOLEAN:
                return value.isBoolean() ? null : "must be true or false";
            case INTEGER: {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    return "must be a whole number";
                }
                return bounds(property, BigDecimal.valueOf(value.asLong()));
            }
            case DECIMAL: {
                if (!value.isNumber()) {
                    return "must be a number";
                }
                return bounds(property, value.decimalValue());
            }
            default: {
                if (!value.isTextual()) {
                    return "must be a string";
                }
                long max = property.max().orElse((long) MAX_STRING);
                return value.asText().length() > max ? "must be at most " + max + " characters" : null;
            }
        }
    }

    private static String bounds(ConfigProperty property, BigDecimal number) {
        if (property.min().isPresent() && number.compareTo(BigDecimal.valueOf(property.min().get())) < 0) {
            return "must be at least " + property.min().get();
        }
        if (property.max().isPresent() && number.compareTo(BigDecimal.valueOf(property.max().get())) > 0) {
            return "must be at most " + property.max().get();
        }
        return null;
    }
}
