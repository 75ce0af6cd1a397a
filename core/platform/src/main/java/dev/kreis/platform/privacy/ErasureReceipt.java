package dev.kreis.platform.privacy;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.UUID;

/**
 * The proof of an erasure: which customer, when, by whom, and how many profiles, identifiers and
 * touchpoints were anonymised and how many identifiers went onto the suppression list.
 */
public record ErasureReceipt(@Schema(required = true) UUID receiptId, @Schema(required = true) UUID customerId,
        @Schema(required = true, format = "date-time") OffsetDateTime erasedAt, @Schema(required = true) String actor,
        @Schema(required = true, nullable = true, description = "Why, as given (personal values scrubbed); null when none was given") String reason,
        @Schema(required = true, description = "Profiles anonymised") int profiles, @Schema(required = true, description = "Identifiers removed") int identifiers,
        @Schema(required = true, description = "Touchpoints anonymised") int touchpoints,
        @Schema(required = true, description = "Identifiers that went onto the suppression list") int suppressedIdentifiers) {
}
