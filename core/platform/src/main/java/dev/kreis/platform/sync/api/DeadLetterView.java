package dev.kreis.platform.sync.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.sync.DeadLetter;

/** A dead letter on the wire (without the record's values). */
@Schema(name = "DeadLetter", example = DeadLetterView.EXAMPLE)
public record DeadLetterView(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, example = "contacts") String object,
        @Schema(required = true, description = "The CRM's record id", example = "5101") String recordId,
        @Schema(required = true, enumeration = { "pull", "push" }) String direction,
        @Schema(required = true, enumeration = { "retryable", "auth", "quota", "validation", "conflict" }) String errorKind,
        @Schema(required = true) String error,
        @Schema(required = true, minimum = "1") int attempts,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime lastFailedAt) {

    /** An example, for the API document. */
    public static final String EXAMPLE = "{\"id\":\"9c1d3e5f-7a9b-4c1d-8e3f-5a7b9c1d3e5f\",\"object\":\"contacts\",\"recordId\":\"5101\",\"direction\":\"pull\",\"errorKind\":\"validation\","
        + "\"error\":\"field email of record 5101: is not an e-mail address\",\"attempts\":3,\"createdAt\":\"2026-01-31T10:15:00Z\","
        + "\"lastFailedAt\":\"2026-01-31T10:15:00Z\"}";

    static DeadLetterView of(DeadLetter d) {
        return new DeadLetterView(d.id(), d.object(), d.recordId(), d.direction(), d.errorKind(), d.error(), d.attempts(), d.createdAt(),
                d.lastFailedAt());
    }
}
