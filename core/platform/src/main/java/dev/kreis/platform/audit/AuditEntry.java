package dev.kreis.platform.audit;

import dev.kreis.platform.api.JsonSchemas.JsonDocument;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One recorded action; {@code before} and {@code after} are JSON text (or {@code null}). */
public record AuditEntry(UUID id, OffsetDateTime occurredAt, String actor, String action, String targetType, @Schema(nullable = true) String targetId,
        @Schema(implementation = JsonDocument.class, nullable = true, description = "The target before the action; null when it did not exist") @JsonRawValue String before,
        @Schema(implementation = JsonDocument.class, nullable = true, description = "The target after the action; null when it was removed") @JsonRawValue String after) {
}
