package dev.kreis.spi.connector;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A deal, ticket, opportunity or case of a CRM as the sync engine hands it to a {@link CrmActivityReceiver}.
 * Immutable value. Stability: experimental.
 *
 * @param source     the connection's source (the touchpoint's source too)
 * @param object     the vendor's object name ({@code deals}, {@code tickets}, {@code Opportunity}, {@code Case})
 * @param kind       what it is: {@link Kind#DEAL} or {@link Kind#TICKET}
 * @param recordId   the CRM's record id
 * @param customerId the Kreis customer of the associated person (else organisation)
 * @param modifiedAt when the CRM last modified it
 * @param status     {@code open}, {@code won}, {@code lost} (deals) or {@code open}, {@code closed} (tickets)
 * @param amount     the deal's amount as text, if any
 * @param title      the deal's name or the ticket's subject, if any
 * @param fields     all mapped fields as the CRM sent them, by the CRM's field names
 * @param attributes the non-blank mapped values by the Kreis attribute their field maps to (documented in
 *                   docs/connectors.md: {@code title}, {@code amount}, {@code stage}, {@code createdAt},
 *                   {@code closeDate}, {@code closedAt}, {@code closed}, {@code won}, {@code priority},
 *                   {@code wonReason}, {@code lostReason}, ...), so a receiver needs no vendor's field names
 */
public record CrmActivity(String source, String object, Kind kind, String recordId, UUID customerId, Instant modifiedAt, String status,
        Optional<String> amount, Optional<String> title, Map<String, String> fields, Map<String, String> attributes) {

    /** What kind of activity a CRM object is. */
    public enum Kind {
        DEAL, TICKET
    }

    public CrmActivity {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(title, "title");
        fields = Map.copyOf(fields);
        attributes = Map.copyOf(attributes);
    }
}
