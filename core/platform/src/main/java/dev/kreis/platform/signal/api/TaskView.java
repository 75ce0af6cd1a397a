package dev.kreis.platform.signal.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.signal.FollowUpTask;

/** A follow-up task as the API shows it. */
public record TaskView(UUID id, UUID ruleId, UUID customerId, UUID touchpointId, String department, String title, String priority,
        String status, String assignee, String note, UUID resolvedByTouchpointId, Boolean resolvedProactively, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, OffsetDateTime closedAt, String updatedBy) {

    static TaskView of(FollowUpTask t) {
        return new TaskView(t.id(), t.ruleId(), t.customerId(), t.touchpointId(), t.department(), t.title(), t.priority().wire(),
                t.status().wire(), t.assignee(), t.note(), t.resolvedByTouchpointId(), t.resolvedProactively(), t.createdAt(),
                t.updatedAt(), t.closedAt(), t.updatedBy());
    }
}
