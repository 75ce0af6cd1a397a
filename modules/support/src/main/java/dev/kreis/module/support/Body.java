package dev.kreis.module.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.ProblemException;

/**
 * Reads a JSON request body field by field, collecting every field problem so one 422 names them all.
 * Not thread-safe; one instance per request.
 */
final class Body {
    private final JsonNode node;
    private final List<FieldProblem> errors = new ArrayList<>();

    private Body(JsonNode node) {
        this.node = node;
    }

    /** The body, which must be a JSON object; with {@code optional} an absent body reads as {@code {}}. */
    static Body of(JsonNode node, boolean optional) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (optional) {
                return new Body(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            }
            throw ProblemException.malformed("body", "is required");
        }
        if (!node.isObject()) {
            throw ProblemException.malformed("body", "must be a JSON object");
        }
        return new Body(node);
    }

    /** Reports every field not in {@code known}. */
    Body only(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                fail(name, "is not a field of this request; known: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        return this;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    boolean present(String field) {
        return node.has(field);
    }

    void fail(String field, String message) {
        errors.add(new FieldProblem(field, message));
    }

    /** Throws the 422 naming every field at fault, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Trimmed text of {@code min} to {@code max} characters; empty when absent (an error when {@code required}). */
    Optional<String> text(String field, boolean required, int min, int max) {
        if (!has(field)) {
            if (required) {
                fail(field, "is required");
            }
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            fail(field, "must be a string");
            return Optional.empty();
        }
        String text = value.asText().strip();
        if (text.length() < min || text.length() > max) {
            fail(field, min > 0 ? "must be " + min + " to " + max + " characters" : "must be at most " + max + " characters");
            return Optional.empty();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    Optional<UUID> uuid(String field, boolean required) {
        if (!has(field)) {
            if (required) {
                fail(field, "is required");
            }
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        try {
            if (value.isTextual()) {
                return Optional.of(UUID.fromString(value.asText().strip()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        fail(field, "must be a UUID");
        return Optional.empty();
    }

    Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            fail(field, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    Optional<Integer> integer(String field, boolean required, int min, int max) {
        if (!has(field)) {
            if (required) {
                fail(field, "is required");
            }
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            fail(field, "must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    /** An ISO-8601 timestamp with offset, truncated to microseconds (what the database keeps). */
    Optional<Instant> time(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (value.isTextual()) {
            try {
                return Optional.of(OffsetDateTime.parse(value.asText().strip()).toInstant().truncatedTo(ChronoUnit.MICROS));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        fail(field, "must be an ISO-8601 timestamp with offset, such as 2026-01-31T09:30:00Z");
        return Optional.empty();
    }

    <E> Optional<E> wire(String field, boolean required, Function<String, Optional<E>> parser, String allowed) {
        if (!has(field)) {
            if (required) {
                fail(field, "is required");
            }
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        Optional<E> parsed = value.isTextual() ? parser.apply(value.asText().strip()) : Optional.empty();
        if (parsed.isEmpty()) {
            fail(field, "must be one of " + allowed);
        }
        return parsed;
    }
}
