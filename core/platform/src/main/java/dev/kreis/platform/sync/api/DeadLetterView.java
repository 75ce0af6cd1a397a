package dev.kreis.platform.sync.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.sync.DeadLetter;

/** A dead letter on the wire (without the record's values); a record has at most one per connection and object. */
@Schema(name = "DeadLetter", example = DeadLetterView.EXAMPLE)
public record DeadLetterView(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, example = "contacts") String object,
        @Schema(required = true, description = "The CRM's record id", example = "5101") String recordId,
        @Schema(required = true, enumeration = { "pull", "push" }) String direction,
        @Schema(required = true, enumeration = { "retryable", "auth", "quota", "validation", "conflict" }) String errorKind,
        @Schema(required = true) String error,
        @Schema(required = true, minimum = "1", description = "Failed attempts in all: every run that met the record adds its own, as does a failed retry")
        int attempts,
        @Schema(required = true, description = "The first failure") OffsetDateTime createdAt,
        @Schema(required = true, description = "The latest failure; error, errorKind and direction are its own") OffsetDateTime lastFailedAt,
        @Schema(required = true, nullable = true, format = "uuid", description = "The last run that failed on the record; null if only webhook events did")
        UUID lastRunId) {

    /** An example, for the API document. */
    public static final String EXAMPLE = "{\"id\":\"9c1d3e5f-7a9b-4c1d-8e3f-5a7b9c1d3e5f\",\"object\":\"contacts\",\"recordId\":\"5101\",\"direction\":\"pull\",\"errorKind\":\"validation\","
        + "\"error\":\"field email of record 5101: is not an e-mail address\",\"attempts\":6,\"createdAt\":\"2026-01-31T10:15:00Z\","
        + "\"lastFailedAt\":\"2026-01-31T10:20:00Z\",\"lastRunId\":\"3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8\"}";

    static DeadLetterView of(DeadLetter d) {
        return new DeadLetterView(d.id(), d.object(), d.recordId(), d.direction(), d.errorKind(), d.error(), d.attempts(), d.createdAt(),
                d.lastFailedAt(), d.lastRunId());
    }
}
