package dev.kreis.platform.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The proof of an erasure: which customer, when, by whom, and how many profiles, identifiers and
 * touchpoints were anonymised and how many identifiers went onto the suppression list.
 */
public record ErasureReceipt(UUID receiptId, UUID customerId, OffsetDateTime erasedAt, String actor, String reason, int profiles,
        int identifiers, int touchpoints, int suppressedIdentifiers) {
}
