package dev.kreis.spi.connector;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A record as the CRM has it now. Immutable value. Stability: stable.
 *
 * @param id               the CRM's record id: the profile's {@code externalId} in Kreis
 * @param modifiedAt       when the CRM last modified the record
 * @param deleted          archived or deleted in the CRM
 * @param fields           field name → value as text ({@code null} values are left out)
 * @param fieldModifiedAt  field name → when that field last changed, where the CRM keeps field history;
 *                         fields missing here changed at {@code modifiedAt} as far as Kreis knows
 * @param mergedFrom       ids of records the CRM merged into this one (Kreis merges their profiles in)
 * @param associations     ids of associated records, by object name of the associated object (a HubSpot contact's
 *                         {@code companies}, a Salesforce Contact's {@code Account}, a deal's {@code contacts}); the
 *                         engine makes a person a member of the organisation and puts a touchpoint record on the
 *                         customer of its associated person
 * @param mergedInto       for a deleted record: the id of the record the CRM merged it into (Salesforce's
 *                         {@code MasterRecordId}); Kreis merges this record's customer into that one's
 */
public record CrmRecord(String id, Instant modifiedAt, boolean deleted, Map<String, String> fields,
        Map<String, Instant> fieldModifiedAt, List<String> mergedFrom, Map<String, List<String>> associations,
        Optional<String> mergedInto) {

    public CrmRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mergedInto, "mergedInto");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        fields = Map.copyOf(fields);
        fieldModifiedAt = Map.copyOf(fieldModifiedAt);
        mergedFrom = List.copyOf(mergedFrom);
        associations = Map.copyOf(associations);
    }

    /** A record that was not merged into another one. */
    public CrmRecord(String id, Instant modifiedAt, boolean deleted, Map<String, String> fields, Map<String, Instant> fieldModifiedAt,
            List<String> mergedFrom, Map<String, List<String>> associations) {
        this(id, modifiedAt, deleted, fields, fieldModifiedAt, mergedFrom, associations, Optional.empty());
    }

    /** A record without field history, merges or associations. */
    public static CrmRecord of(String id, Instant modifiedAt, boolean deleted, Map<String, String> fields) {
        return new CrmRecord(id, modifiedAt, deleted, fields, Map.of(), List.of(), Map.of());
    }

    /** When a field last changed: its own history where the CRM gives it, else the record's modification time. */
    public Instant modifiedAt(String field) {
        return Optional.ofNullable(fieldModifiedAt.get(field)).orElse(modifiedAt);
    }
}
