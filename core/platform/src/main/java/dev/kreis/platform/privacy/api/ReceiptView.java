package dev.kreis.platform.privacy.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.privacy.ErasedElsewhere;
import dev.kreis.platform.privacy.ErasureReceipt;

/** An erasure receipt on the wire; {@code connections} says what the erasure did in each CRM connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"receiptId": "9f1b3d5f-7a9c-4e1f-8b3d-5f7a9c1e3b5d", "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f",         "erasedAt": "2026-02-01T12:00:00Z", "actor": "privacy-officer", "reason": "Request of the data subject, ticket 4711",         "profiles": 2, "identifiers": 3, "touchpoints": 12, "suppressedIdentifiers": 3,         "connections": [{"connectionId": "4e6a8c0e-2b4d-4f6a-9c1e-3b5d7f9a1c3e", "connectionName": "HubSpot", "records": 1,         "outcome": "pending", "detail": "queued; the CRM's records are erased once the erasure has committed"}]}""")
public record ReceiptView(@Schema(required = true) UUID receiptId, @Schema(required = true, description = "The customer erased") UUID customerId,
        @Schema(required = true, format = "date-time") OffsetDateTime erasedAt, @Schema(required = true, description = "Who erased") String actor,
        @Schema(description = "Why, as given (personal values scrubbed); left out when none was given") String reason,
        @Schema(required = true, description = "Profiles anonymised") int profiles, @Schema(required = true, description = "Identifiers removed") int identifiers,
        @Schema(required = true, description = "Touchpoints anonymised") int touchpoints,
        @Schema(required = true, description = "Identifiers that went onto the suppression list") int suppressedIdentifiers,
        @Schema(required = true, description = "What the erasure did in each CRM connection that held the person's data") List<ErasedElsewhere> connections) {

    static ReceiptView of(ErasureReceipt r, List<ErasedElsewhere> connections) {
        return new ReceiptView(r.receiptId(), r.customerId(), r.erasedAt(), r.actor(), r.reason(), r.profiles(), r.identifiers(),
                r.touchpoints(), r.suppressedIdentifiers(), connections);
    }
}
