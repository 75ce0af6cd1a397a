package dev.kreis.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One recorded action; {@code before} and {@code after} are JSON text (or {@code null}). */
public record AuditEntry(UUID id, OffsetDateTime occurredAt, String actor, String action, String targetType, String targetId,
        @JsonRawValue String before, @JsonRawValue String after) {
}
