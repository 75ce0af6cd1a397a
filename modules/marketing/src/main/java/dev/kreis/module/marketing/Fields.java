package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.ProblemException;

/**
 * Reads the fields of one JSON request object and collects every problem, so a request is refused once
 * with all its faults named by path ({@code events[2].occurredAt}). Not thread-safe: one per request.
 */
final class Fields {
    private final List<FieldProblem> problems;
    private final String prefix;

    private Fields(List<FieldProblem> problems, String prefix) {
        this.problems = problems;
        this.prefix = prefix;
    }

    static Fields collect() {
        return new Fields(new ArrayList<>(), "");
    }

    /** The same problem list, with field names under {@code path} (e.g. {@code events[3]}). */
    Fields under(String path) {
        return new Fields(problems, prefix + path + ".");
    }

    String path(String field) {
        return prefix + field;
    }

    void add(String field, String message) {
        problems.add(new FieldProblem(path(field), message));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** Throws 422 naming every collected problem, if there is one. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(problems));
        }
    }

    /** The request body must be a JSON object (400 otherwise). */
    static JsonNode object(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.malformed("body", "is required");
        }
        if (!body.isObject()) {
            throw ProblemException.malformed("body", "must be a JSON object");
        }
        return body;
    }

    static boolean present(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    /** A trimmed string of {@code min..max} characters; {@code null} (and a problem if required) when absent or wrong. */
    String text(JsonNode object, String field, int min, int max, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            add(field, "must be a string");
            return null;
        }
        String value = node.asText().trim();
        if (value.length() < min) {
            add(field, min == 1 ? "must not be blank" : "must be at least " + min + " characters");
            return null;
        }
        if (value.length() > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    /** A string matching {@code pattern}. */
    String matching(JsonNode object, String field, Pattern pattern, String description, boolean required) {
        String value = text(object, field, 1, 200, required);
        if (value != null && !pattern.matcher(value).matches()) {
            add(field, description);
            return null;
        }
        return value;
    }

    /** A string that is one of {@code allowed}. */
    String oneOf(JsonNode object, String field, List<String> allowed, boolean required) {
        String value = text(object, field, 1, 64, required);
        if (value != null && !allowed.contains(value)) {
            add(field, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    UUID uuid(JsonNode object, String field, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        return uuidValue(node, field);
    }

    UUID uuidValue(JsonNode node, String field) {
        if (node.isTextual()) {
            try {
                String text = node.asText().trim();
                if (text.length() == 36) {
                    return UUID.fromString(text);
                }
            } catch (IllegalArgumentException e) {
                // falls through to the problem
            }
        }
        add(field, "must be a UUID");
        return null;
    }

    LocalDate date(JsonNode object, String field, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (node.isTextual()) {
            try {
                LocalDate value = LocalDate.parse(node.asText().trim());
                if (value.getYear() < 1900 || value.getYear() > 2999) {
                    add(field, "must lie between the years 1900 and 2999");
                    return null;
                }
                return value;
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        add(field, "must be a date YYYY-MM-DD");
        return null;
    }

    /** An ISO-8601 instant with offset, between 1900 and one day from now. */
    Instant instant(JsonNode object, String field, boolean required, Instant now) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (node.isTextual()) {
            try {
                Instant value = OffsetDateTime.parse(node.asText().trim()).toInstant();
                if (value.isBefore(Instant.parse("1900-01-01T00:00:00Z"))) {
                    add(field, "must not lie before 1900");
                    return null;
                }
                if (value.isAfter(now.plusSeconds(86_400))) {
                    add(field, "must not lie more than a day in the future");
                    return null;
                }
                return value;
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        add(field, "must be an ISO-8601 time with offset, e.g. 2025-03-01T10:00:00Z");
        return null;
    }

    /** A number {@code >= 0} and below 10^15 with at most 4 decimal places. */
    BigDecimal amount(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            add(field, "must be a number");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0) {
            add(field, "must be at least 0");
            return null;
        }
        if (value.compareTo(new BigDecimal("1000000000000000")) >= 0) {
            add(field, "must be less than 10^15");
            return null;
        }
        if (value.stripTrailingZeros().scale() > 4) {
            add(field, "must have at most 4 decimal places");
            return null;
        }
        return value;
    }
}
