package dev.kreis.spi.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of changed records, oldest first. Immutable value. Stability: stable.
 *
 * @param records the records of the page
 * @param next    the cursor of the next page; empty when this was the last page
 */
public record ChangePage(List<CrmRecord> records, Optional<String> next) {

    public ChangePage {
        records = List.copyOf(records);
        Objects.requireNonNull(next, "next");
        if (next.isPresent() && next.get().length() > 2000) {
            throw new IllegalArgumentException("a page cursor must be at most 2000 characters");
        }
    }
}
