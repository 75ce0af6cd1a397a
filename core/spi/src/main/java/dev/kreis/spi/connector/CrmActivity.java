package dev.kreis.spi.connector;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /**
     * Reads a time as CRMs send it in {@link #fields()} and {@link #attributes()}: epoch milliseconds (HubSpot), an ISO
     * date (Salesforce dates, taken as midnight UTC) or an ISO date-time with or without a colon in the offset. Empty for
     * a missing, blank or unreadable value.
     */
    public static Optional<Instant> time(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
            }
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return Optional.of(OffsetDateTime.parse(text.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
