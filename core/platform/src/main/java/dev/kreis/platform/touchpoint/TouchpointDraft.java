package dev.kreis.platform.touchpoint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.identity.Identifier;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;

/**
 * A validated touchpoint not yet stored. The customer is named either by {@code customerId} or by
 * {@code identifiers} (exactly one of them is set).
 */
public record TouchpointDraft(String source, String externalId, UUID customerId, Set<Identifier> identifiers,
        TouchpointTypeDefinition type, Channel channel, JourneyPhase phase, Initiator initiator, OffsetDateTime occurredAt,
        BigDecimal score, BigDecimal amount, String currency, String payload) {
}
