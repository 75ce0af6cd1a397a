package dev.kreis.platform.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A record that kept failing: which object and CRM record, in which direction ({@code pull} or {@code push}),
 * what was being written (the CRM record or the upsert, as JSON), the last error and how often it failed in
 * all. A record has at most one dead letter per connection and object; direction, payload and error are those
 * of its latest failure, {@code lastRunId} the last run that failed on it (null if only webhooks did).
 */
public record DeadLetter(UUID id, UUID connectionId, String object, String recordId, String direction, String payload, String errorKind,
        String error, int attempts, OffsetDateTime createdAt, OffsetDateTime lastFailedAt, UUID lastRunId) {
}
