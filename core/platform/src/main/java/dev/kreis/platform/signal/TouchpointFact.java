package dev.kreis.platform.signal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What rules read of a touchpoint: its type, score, times, and the customer its profile belongs to now. */
public record TouchpointFact(UUID id, UUID customerId, String type, String module, String initiator, BigDecimal score,
        OffsetDateTime occurredAt, OffsetDateTime receivedAt) {
}
