package dev.kreis.spi.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page of changes {@link ConnectorSession#changes} should answer. Immutable value. Stability: stable.
 *
 * @param object    the object's name
 * @param since     the watermark: records modified at or after it (inclusive); empty for a full read
 * @param cursor    the {@link ChangePage#next()} of the page before, empty for the first page
 * @param pageSize  how many records a page should hold at most (the connector may answer fewer)
 */
public record ChangeQuery(String object, Optional<Instant> since, Optional<String> cursor, int pageSize) {

    public ChangeQuery {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(cursor, "cursor");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
    }
}
