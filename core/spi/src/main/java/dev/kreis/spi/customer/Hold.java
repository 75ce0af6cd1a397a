package dev.kreis.spi.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A hold one department places on a kind of contact with a customer, e.g. support holding a customer
 * out of marketing campaigns while a high-priority ticket is open.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param customerId the customer (as it was when the hold was placed; the platform follows merges on reads)
 * @param scope      what is held, e.g. {@code campaigns}
 * @param placedBy   the module that placed it, e.g. {@code support}
 * @param reference  the module's reference for the cause, e.g. the ticket id; one hold per (module, scope, reference)
 * @param reason     why, for people: "Open high-priority ticket #123: Invoice wrong"
 * @param placedAt   when
 */
public record Hold(UUID customerId, String scope, String placedBy, String reference, String reason, Instant placedAt) {

    /** Checks that every component is present. */
    public Hold {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(placedBy, "placedBy");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
