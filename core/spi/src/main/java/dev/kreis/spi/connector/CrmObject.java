package dev.kreis.spi.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of CRM record a connector syncs (HubSpot {@code contacts}, Salesforce {@code Contact}), what it
 * becomes in Kreis and its fields with their default mapping.
 *
 * <p>Immutable value; thread-safe. Stability: stable.
 *
 * @param name       the vendor's name of the object, as used in its API
 * @param becomes    what a record of it becomes in Kreis
 * @param fields     the fields the connector reads (and, where {@link CrmField#writable()}, writes)
 * @param pushFields the custom fields the connector creates once in the CRM to receive Kreis's CX fields
 *                   ({@link CrmField#attribute()} names the Kreis value: {@code kreis.customerId},
 *                   {@code kreis.lastNps}, {@code kreis.lastCsat}, {@code kreis.journeyPhase},
 *                   {@code kreis.peakEndScore}); empty when nothing is pushed
 */
public record CrmObject(String name, Becomes becomes, List<CrmField> fields, List<CrmField> pushFields) {

    /** What a record of an object becomes in Kreis. */
    public enum Becomes {
        /** A person profile. */
        PERSON,
        /** An organisation profile. */
        ORGANISATION,
        /**
         * Touchpoints of the customer it is associated with (a deal, ticket, opportunity or case): the
         * record's {@link CrmRecord#associations()} name the person or organisation records it belongs to,
         * and its fields map to the attributes {@code title}, {@code amount}, {@code stage},
         * {@code createdAt}, {@code closedAt}, {@code closed} and {@code won} ({@code true}/{@code false});
         * an object with a field mapped to {@code won} is a deal, any other a ticket. Read only.
         */
        TOUCHPOINT
    }

    public CrmObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(becomes, "becomes");
        fields = List.copyOf(fields);
        pushFields = List.copyOf(pushFields);
    }

    /** The field with this CRM name. */
    public Optional<CrmField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
