package dev.kreis.spi.touchpoint;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Read access to a customer's touchpoints for modules, e.g. sales raising a lead's priority from recent
 * web visits. Implemented by the platform; inject it. Follows merges: the touchpoints of every id merged
 * into the customer count.
 *
 * <p>Thread-safe. Stability: stable.
 */
public interface TouchpointReader {

    /**
     * How many touchpoints of the given types the customer had in {@code [from, to)}.
     *
     * @param types touchpoint type keys; at least one, at most 50
     */
    long count(UUID customerId, Set<String> types, Instant from, Instant to);

    /** When the customer last had a touchpoint of one of the types before {@code before}, or {@code null} if never. */
    Instant last(UUID customerId, Set<String> types, Instant before);
}
