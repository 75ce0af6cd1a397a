package dev.kreis.spi.connector;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a verified webhook: a record of an object changed, was deleted or merged. The engine
 * deduplicates events by {@code eventId} and then reads the record with {@link ConnectorSession#read}.
 * Immutable value. Stability: stable.
 *
 * @param eventId    the vendor's id of the event, unique per connection
 * @param object     the object's name
 * @param recordId   the record's id
 * @param kind       what happened
 * @param occurredAt when it happened
 */
public record WebhookEvent(String eventId, String object, String recordId, Kind kind, Instant occurredAt) {

    /** What happened to the record. */
    public enum Kind {
        CHANGED, DELETED, MERGED
    }

    public WebhookEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
