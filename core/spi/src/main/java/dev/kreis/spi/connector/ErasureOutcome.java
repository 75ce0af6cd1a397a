package dev.kreis.spi.connector;

import java.util.Objects;

/**
 * What a connector did to erase a record in the CRM, as shown on Kreis's erasure receipt. Immutable value.
 * Stability: stable.
 *
 * @param action  {@code deleted} (the vendor's GDPR delete or a delete), {@code anonymised} (the mapped fields
 *                were blanked) or {@code absent} (the record did not exist any more)
 * @param detail  for people, e.g. the vendor call used
 */
public record ErasureOutcome(String action, String detail) {

    public ErasureOutcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
