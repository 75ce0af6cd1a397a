package dev.kreis.spi.connector;

import java.util.Optional;

/**
 * What became of one {@link RecordUpsert}. Immutable value. Stability: stable.
 *
 * @param recordId the record's id (the new id for a created record); empty when the write failed before one existed
 * @param error    why the write failed; empty when it succeeded
 */
public record WriteOutcome(Optional<String> recordId, Optional<ConnectorException> error) {

    public static WriteOutcome written(String recordId) {
        return new WriteOutcome(Optional.of(recordId), Optional.empty());
    }

    public static WriteOutcome failed(Optional<String> recordId, ConnectorException error) {
        return new WriteOutcome(recordId, Optional.of(error));
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
