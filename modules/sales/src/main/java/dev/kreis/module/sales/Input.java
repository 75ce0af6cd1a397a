package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.ProblemException;

/**
 * Reads one JSON request body field by field, collecting every problem so a request with several bad fields is
 * answered once, naming them all ({@link #check()}). Not thread-safe: one per request.
 */
final class Input {
    /** Earliest instant a date in a request may have. */
    static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    /** Latest date (expected close dates may lie in the future, but not absurdly). */
    static final LocalDate LATEST_DATE = LocalDate.of(2200, 1, 1);
    /** Largest amount: fits numeric(19,4) with room. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** How far in the future an event time may lie (clock skew). */
    static final long FUTURE_TOLERANCE_SECONDS = 300;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{3,38}");

    private final JsonNode body;
    private final List<FieldProblem> errors = new ArrayList<>();

    private Input(JsonNode body) {
        this.body = body;
    }

    /** The body, which must be a JSON object with only the {@code allowed} fields. */
    static Input of(JsonNode body, Set<String> allowed) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.malformed("body", "is required");
        }
        if (!body.isObject()) {
            throw ProblemException.malformed("body", "must be a JSON object");
        }
        Input input = new Input(body);
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                input.fail(name, "is not a known field; known: " + allowed.stream().sorted().toList());
            }
        }
        return input;
    }

    /** Whether the field is present (null counts as present). */
    boolean has(String field) {
        return body.has(field);
    }

    /** Whether the field is present and JSON null. */
    boolean isNull(String field) {
        return body.has(field) && body.get(field).isNull();
    }

    void fail(String field, String message) {
        errors.add(new FieldProblem(field, message));
    }

    /** {@code value}, after recording "is required" for {@code field} when it is missing and nothing else was wrong with it. */
    <T> T required(String field, Optional<T> value) {
        if (value.isEmpty() && !failed(field)) {
            fail(field, "is required");
        }
        return value.orElse(null);
    }

    boolean failed(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Throws 422 naming every field at fault. */
    void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private JsonNode value(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** Trimmed text of at most {@code max} characters; empty if absent or null; blank is an error when present. */
    Optional<String> text(String field, int max) {
        JsonNode node = value(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            fail(field, "must be a string");
            return Optional.empty();
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            fail(field, "must not be blank");
            return Optional.empty();
        }
        if (text.length() > max) {
            fail(field, "must be at most " + max + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    String requiredText(String field, int max) {
        if (value(field) == null) {
            fail(field, "is required");
            return null;
        }
        return text(field, max).orElse(null);
    }

    Optional<String> email(String field) {
        Optional<String> text = text(field, 254);
        if (text.isPresent() && !EMAIL.matcher(text.get()).matches()) {
            fail(field, "must be an e-mail address such as anna@example.com");
            return Optional.empty();
        }
        return text.map(t -> t.toLowerCase(java.util.Locale.ROOT));
    }

    Optional<String> phone(String field) {
        Optional<String> text = text(field, 40);
        if (text.isPresent() && !PHONE.matcher(text.get()).matches()) {
            fail(field, "must be a phone number such as +49 30 1234567");
            return Optional.empty();
        }
        return text;
    }

    /** One of {@code allowed} (lower case); empty if absent. */
    Optional<String> choice(String field, List<String> allowed) {
        JsonNode node = value(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            fail(field, "must be one of " + allowed);
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    Optional<UUID> uuid(String field) {
        JsonNode node = value(field);
        if (node == null) {
            return Optional.empty();
        }
        try {
            if (!node.isTextual()) {
                throw new IllegalArgumentException();
            }
            return Optional.of(UUID.fromString(node.asText().trim()));
        } catch (IllegalArgumentException e) {
            fail(field, "must be an id (UUID)");
            return Optional.empty();
        }
    }

    /**
     * A money amount with at most 4 decimal places, at most {@link #MAX_AMOUNT}; {@code positive} refuses 0.
     */
    Optional<BigDecimal> amount(String field, boolean positive) {
        JsonNode node = value(field);
        if (node == null) {
            return Optional.empty();
        }
        BigDecimal amount;
        if (node.isNumber()) {
            amount = node.decimalValue();
        } else {
            fail(field, "must be a number");
            return Optional.empty();
        }
        if (positive ? amount.signum() <= 0 : amount.signum() < 0) {
            fail(field, positive ? "must be greater than 0" : "must not be negative");
            return Optional.empty();
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            fail(field, "must be at most " + MAX_AMOUNT.toPlainString());
            return Optional.empty();
        }
        if (amount.stripTrailingZeros().scale() > 4) {
            fail(field, "must have at most 4 decimal places");
            return Optional.empty();
        }
        return Optional.of(amount);
    }

    /** An ISO-8601 timestamp with offset, not before 1800 and not in the future. */
    Optional<Instant> instant(String field, Instant now) {
        JsonNode node = value(field);
        if (node == null) {
            return Optional.empty();
        }
        Instant instant;
        try {
            if (!node.isTextual()) {
                throw new DateTimeParseException("", "", 0);
            }
            instant = OffsetDateTime.parse(node.asText().trim()).toInstant();
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO-8601 timestamp such as 2025-01-31T09:30:00Z");
            return Optional.empty();
        }
        if (instant.isBefore(EARLIEST)) {
            fail(field, "must not lie before " + EARLIEST);
            return Optional.empty();
        }
        if (instant.isAfter(now.plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
            fail(field, "must not lie in the future");
            return Optional.empty();
        }
        return Optional.of(instant);
    }

    /** An ISO-8601 date between 1800-01-01 and 2200-01-01. */
    Optional<LocalDate> date(String field) {
        JsonNode node = value(field);
        if (node == null) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            if (!node.isTextual()) {
                throw new DateTimeParseException("", "", 0);
            }
            date = LocalDate.parse(node.asText().trim());
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO-8601 date such as 2025-01-31");
            return Optional.empty();
        }
        if (date.isBefore(LocalDate.of(1800, 1, 1)) || date.isAfter(LATEST_DATE)) {
            fail(field, "must lie between 1800-01-01 and " + LATEST_DATE);
            return Optional.empty();
        }
        return Optional.of(date);
    }
}
