package dev.kreis.spi.api;

import java.util.Objects;

/**
 * One field of a request that is wrong, and why.
 *
 * @param field   the field's path in the request, e.g. {@code budget} or {@code members[2].customerId}
 * @param message what is wrong, for people
 */
public record FieldProblem(String field, String message) {

    /** Checks that both components are present. */
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
