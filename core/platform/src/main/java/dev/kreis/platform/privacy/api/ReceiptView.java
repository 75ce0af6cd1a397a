package dev.kreis.platform.privacy.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.privacy.ErasedElsewhere;
import dev.kreis.platform.privacy.ErasureReceipt;

/** An erasure receipt on the wire; {@code connections} says what the erasure did in each CRM connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptView(UUID receiptId, UUID customerId, OffsetDateTime erasedAt, String actor, String reason, int profiles,
        int identifiers, int touchpoints, int suppressedIdentifiers, List<ErasedElsewhere> connections) {

    static ReceiptView of(ErasureReceipt r, List<ErasedElsewhere> connections) {
        return new ReceiptView(r.receiptId(), r.customerId(), r.erasedAt(), r.actor(), r.reason(), r.profiles(), r.identifiers(),
                r.touchpoints(), r.suppressedIdentifiers(), connections);
    }
}
