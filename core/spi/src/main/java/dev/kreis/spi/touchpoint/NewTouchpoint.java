package dev.kreis.spi.touchpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A touchpoint a module feeds into the customer record through {@link TouchpointSink}.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param externalId  the module's unique id for this interaction (e.g. {@code ticket-42-resolved}); a second
 *                    touchpoint with the same module and external id is a duplicate and not stored again
 * @param customerId  the customer
 * @param type        a registered touchpoint type key, normally one of the module's own
 * @param occurredAt  when it happened
 * @param channel     overrides the type's default channel
 * @param initiator   overrides the type's default initiator (e.g. {@link Initiator#COMPANY} for a proactive contact)
 * @param score       required for and only for scored types
 * @param amount      money amount in the installation's currency (revenue types)
 * @param payload     small JSON-serialisable details (strings, numbers, booleans, lists, maps), at most 16 KB as JSON
 */
public record NewTouchpoint(String externalId, UUID customerId, String type, Instant occurredAt, Optional<Channel> channel,
        Optional<Initiator> initiator, Optional<BigDecimal> score, Optional<BigDecimal> amount, Map<String, Object> payload) {

    /** Checks that every component is present. */
    public NewTouchpoint {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(amount, "amount");
        payload = Map.copyOf(payload);
    }

    /** A touchpoint without score, amount or overrides. */
    public static NewTouchpoint of(String externalId, UUID customerId, String type, Instant occurredAt, Map<String, Object> payload) {
        return new NewTouchpoint(externalId, customerId, type, occurredAt, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), payload);
    }

    /** This touchpoint with an amount. */
    public NewTouchpoint withAmount(BigDecimal value) {
        return new NewTouchpoint(externalId, customerId, type, occurredAt, channel, initiator, score, Optional.of(value), payload);
    }

    /** This touchpoint on another channel. */
    public NewTouchpoint onChannel(Channel value) {
        return new NewTouchpoint(externalId, customerId, type, occurredAt, Optional.of(value), initiator, score, amount, payload);
    }

    /** This touchpoint started by someone else than the type's default. */
    public NewTouchpoint initiatedBy(Initiator value) {
        return new NewTouchpoint(externalId, customerId, type, occurredAt, channel, Optional.of(value), score, amount, payload);
    }
}
