package dev.kreis.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One recorded action; {@code before} and {@code after} are JSON text (or {@code null}). */
@Schema(example = AuditEntry.EXAMPLE)
public record AuditEntry(@Schema(required = true) UUID id, @Schema(required = true, format = "date-time") OffsetDateTime occurredAt,
        @Schema(required = true, description = "Who acted: a user name, a token's name or a process such as identity-resolution") String actor,
        @Schema(required = true, description = "What was done, e.g. customer.merged") String action,
        @Schema(required = true, description = "The kind of thing acted on, e.g. customer") String targetType,
        @Schema(required = true, nullable = true, description = "Its id; null for settings without one") String targetId,
        @Schema(required = true, ref = "JsonDocument", description = "The target before the action (a JSON object or array); null when it did not exist") @JsonRawValue String before,
        @Schema(required = true, ref = "JsonDocument", description = "The target after the action (a JSON object or array); null when it was removed") @JsonRawValue String after) {

    /** An example entry, for the API document. */
    public static final String EXAMPLE = """
            {"id": "8e0a2c4e-6f8a-4b1c-9d3e-5f7a9b1c3d5e", "occurredAt": "2026-01-06T09:00:00Z", "actor": "admin", "action": "customer.merged",
             "targetType": "customer", "targetId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "before": null,
             "after": [{"id": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "profiles": 2}]}""";
}
