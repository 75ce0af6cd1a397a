package dev.kreis.spi.connector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record to write, keyed on the CRM's record id (never on e-mail). Immutable value. Stability: stable.
 *
 * @param recordId the CRM's id of the record to update; empty to create one (only when the connection's
 *                 setting allows creating records for customers that came from elsewhere)
 * @param fields   CRM field name → new value; {@code ""} clears a field
 */
public record RecordUpsert(Optional<String> recordId, Map<String, String> fields) {

    public RecordUpsert {
        Objects.requireNonNull(recordId, "recordId");
        fields = Map.copyOf(fields);
    }

    /** An update of an existing record. */
    public static RecordUpsert update(String recordId, Map<String, String> fields) {
        return new RecordUpsert(Optional.of(recordId), fields);
    }
}
