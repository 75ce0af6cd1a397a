package dev.kreis.platform.signal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.signal.FollowUpTask;

/** A follow-up task as the API shows it. */
@Schema(example = TaskView.EXAMPLE)
public record TaskView(@Schema(required = true) UUID id, @Schema(required = true, description = "The signal rule that created it") UUID ruleId,
        @Schema(required = true, description = "The customer to follow up") UUID customerId,
        @Schema(required = true, nullable = true, description = "The touchpoint that set it off; null when none did") UUID touchpointId,
        @Schema(required = true, description = "The department that should act, such as support") String department,
        @Schema(required = true) String title,
        @Schema(required = true, enumeration = { "low", "normal", "high", "urgent" }) String priority,
        @Schema(required = true, enumeration = { "open", "in_progress", "done", "dismissed" }) String status,
        @Schema(required = true, nullable = true) String assignee, @Schema(required = true, nullable = true) String note,
        @Schema(required = true, nullable = true, description = "The touchpoint that resolved it") UUID resolvedByTouchpointId,
        @Schema(required = true, nullable = true, description = "Whether it was resolved before the customer complained") Boolean resolvedProactively,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt,
        @Schema(required = true, nullable = true, format = "date-time") OffsetDateTime closedAt,
        @Schema(required = true, nullable = true, description = "Who changed it last; null until a person changes it") String updatedBy,
        @Schema(required = true, nullable = true, format = "date", description = "The day it should be done by") LocalDate dueOn) {

    /** An example task, for the API document. */
    public static final String EXAMPLE = """
            {"id": "4f6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c2e", "ruleId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
             "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "touchpointId": "7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f",
             "department": "support", "title": "Call the customer back", "priority": "high", "status": "in_progress",
             "assignee": "sam", "note": "Left a voicemail", "resolvedByTouchpointId": null, "resolvedProactively": null,
             "createdAt": "2026-01-31T09:30:00Z", "updatedAt": "2026-01-31T11:00:00Z", "closedAt": null, "updatedBy": "sam",
             "dueOn": "2026-02-02"}""";

    /** A page of tasks as the API document shows it (the answer is a {@link dev.kreis.platform.api.Page}). */
    @Schema(name = "PageTaskView", example = "{\"items\": [" + EXAMPLE + "], \"nextCursor\": null}")
    public record TaskPage(@Schema(required = true, description = "The tasks of this page, newest first") java.util.List<TaskView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    static TaskView of(FollowUpTask t) {
        return new TaskView(t.id(), t.ruleId(), t.customerId(), t.touchpointId(), t.department(), t.title(), t.priority().wire(),
                t.status().wire(), t.assignee(), t.note(), t.resolvedByTouchpointId(), t.resolvedProactively(), t.createdAt(),
                t.updatedAt(), t.closedAt(), t.updatedBy(), t.dueOn());
    }
}
