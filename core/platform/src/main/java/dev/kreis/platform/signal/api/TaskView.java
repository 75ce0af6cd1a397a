package dev.kreis.platform.signal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.signal.FollowUpTask;

/** A follow-up task as the API shows it. */
public record TaskView(UUID id, UUID ruleId, UUID customerId, UUID touchpointId, String department, String title,
        @Schema(enumeration = { "low", "normal", "high", "urgent" }) String priority,
        @Schema(enumeration = { "open", "in_progress", "done", "dismissed" }) String status,
        @Schema(nullable = true) String assignee, @Schema(nullable = true) String note, @Schema(nullable = true) UUID resolvedByTouchpointId,
        @Schema(nullable = true) Boolean resolvedProactively, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, @Schema(nullable = true) OffsetDateTime closedAt, @Schema(nullable = true) String updatedBy,
        @Schema(nullable = true, description = "The day it should be done by") LocalDate dueOn) {

    static TaskView of(FollowUpTask t) {
        return new TaskView(t.id(), t.ruleId(), t.customerId(), t.touchpointId(), t.department(), t.title(), t.priority().wire(),
                t.status().wire(), t.assignee(), t.note(), t.resolvedByTouchpointId(), t.resolvedProactively(), t.createdAt(),
                t.updatedAt(), t.closedAt(), t.updatedBy(), t.dueOn());
    }
}
