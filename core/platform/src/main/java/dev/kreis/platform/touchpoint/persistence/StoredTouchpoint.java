package dev.kreis.platform.touchpoint.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A touchpoint row. Enum-like columns hold the wire names ({@code email}, {@code purchase}, …). */
public record StoredTouchpoint(UUID id, UUID profileId, String source, String externalId, String type, String module,
        String channel, String phase, String initiator, OffsetDateTime occurredAt, OffsetDateTime receivedAt,
        BigDecimal score, BigDecimal amount, String currency, String payload) {
}
