package dev.kreis.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One recorded action; {@code before} and {@code after} are JSON text (or {@code null}). */
public record AuditEntry(UUID id, OffsetDateTime occurredAt, String actor, String action, String targetType, @Schema(nullable = true) String targetId,
        @Schema(ref = "JsonDocument", description = "The target before the action (a JSON object or array); null when it did not exist") @JsonRawValue String before,
        @Schema(ref = "JsonDocument", description = "The target after the action (a JSON object or array); null when it was removed") @JsonRawValue String after) {
}
