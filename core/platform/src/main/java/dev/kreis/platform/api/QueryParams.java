package dev.kreis.platform.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Parsing of query parameters into typed values, failing with a 400 that names the parameter. */
public final class QueryParams {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private QueryParams() {
    }

    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new MalformedRequestException("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static Optional<OffsetDateTime> time(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Times.offsetDateTime(value));
        } catch (DateTimeParseException e) {
            throw new MalformedRequestException(name, "must be an ISO-8601 timestamp such as 2025-01-31T00:00:00Z");
        }
    }

    public static <T> Optional<T> wire(String name, String value, Function<String, Optional<T>> parser, String allowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parser.apply(value)
                .orElseThrow(() -> new MalformedRequestException(name, "must be one of " + allowed)));
    }
}
