package dev.kreis.platform.signal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A follow-up task a rule opened for a department about a customer. {@code resolvedProactively} is set
 * when the task is done: true when a company-initiated touchpoint of the customer resolved it. {@code dueOn}
 * is the day it should be done by, set by its department (none when a rule opens it).
 */
public record FollowUpTask(UUID id, UUID ruleId, UUID customerId, UUID touchpointId, String department, String title,
        TaskPriority priority, TaskStatus status, String assignee, String note, UUID resolvedByTouchpointId,
        Boolean resolvedProactively, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt, String updatedBy, LocalDate dueOn) {

    /** The key that keeps one active task per rule and customer; {@code null} once the task is closed. */
    public String openKey() {
        return status.active() ? ruleId + "/" + customerId : null;
    }
}
