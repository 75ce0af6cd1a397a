package dev.kreis.platform.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A record that kept failing: which object and CRM record, in which direction ({@code pull} or {@code push}),
 * what was being written (the CRM record or the upsert, as JSON), the last error and how often it failed.
 */
public record DeadLetter(UUID id, UUID connectionId, String object, String recordId, String direction, String payload, String errorKind,
        String error, int attempts, OffsetDateTime createdAt, OffsetDateTime lastFailedAt) {
}
