package dev.kreis.platform.signal.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.signal.FollowUpTasks;
import dev.kreis.platform.signal.RuleJson;
import dev.kreis.platform.signal.TaskChange;
import dev.kreis.platform.signal.TaskStatus;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.kreis.platform.api.RequestSchemas;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signals")
public class TaskResource {
    static final int MAX_ASSIGNEE = 255;
    static final int MAX_NOTE = 2000;
    private static final String STATUSES = "open, in_progress, done, dismissed";

    private final FollowUpTasks tasks;
    private final SecurityIdentity caller;

    TaskResource(FollowUpTasks tasks, SecurityIdentity caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.TASKS_READ)
    @Operation(operationId = "listTasks", summary = "Follow-up tasks, newest first, by department, status and customer")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "One page of tasks",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = TaskView.TaskPage.class)))
    public Page<TaskView> list(@QueryParam("department") @Parameter(description = "Only tasks of this department, such as support") String department,
            @QueryParam("status") @Parameter(description = "Only tasks with this status: open, in_progress, done or dismissed") String status,
            @QueryParam("customerId") @Parameter(description = "Only tasks about this customer") String customerId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        String dept = department == null || department.isBlank() ? null : department.trim();
        if (dept != null && !RuleJson.DEPARTMENT.matcher(dept).matches()) {
            throw new MalformedRequestException("department", "must be a department such as support");
        }
        TaskStatus wanted = QueryParams.wire("status", status, TaskStatus::fromWire, STATUSES).orElse(null);
        UUID customer = customerId == null || customerId.isBlank() ? null : Ids.parse("customerId", customerId);
        return tasks.list(dept, wanted, customer, Cursor.decode(cursor), QueryParams.limit(limit)).map(TaskView::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.TASKS_WRITE)
    @Operation(operationId = "updateTask", summary = "Change a task's status, assignee, due date or note (its department, cx-manager and admin only)",
            description = "Marking a task done records whether a company-initiated touchpoint of the customer at or after the task "
                    + "was opened resolved it (resolvedProactively): the one named by resolvedByTouchpointId, or else the first on record.")
    @APIResponse(responseCode = "404", description = "No such task")
    @APIResponse(responseCode = "409", description = "Reopening a task whose rule has opened another active task for the customer")
    @APIResponse(responseCode = "422", description = "status, assignee, note, dueOn or resolvedByTouchpointId is invalid")
    @APIResponse(responseCode = "200")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestSchemas.TaskChange.class)))
    public TaskView change(@PathParam("id") String id, JsonNode body) {
        UUID taskId = Ids.parse("id", id);
        TaskChange change = read(body);
        return TaskView.of(tasks.change(taskId, change, caller.getPrincipal().getName(), caller.getRoles()));
    }

    private static TaskChange read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new MalformedRequestException("body", "is required");
        }
        if (!body.isObject()) {
            throw new MalformedRequestException("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        TaskStatus status = null;
        JsonNode statusNode = body.get("status");
        if (statusNode == null || statusNode.isNull()) {
            errors.add(new FieldError("status", "is required"));
        } else if (!statusNode.isTextual() || TaskStatus.fromWire(statusNode.asText()).isEmpty()) {
            errors.add(new FieldError("status", "must be one of " + STATUSES));
        } else {
            status = TaskStatus.fromWire(statusNode.asText()).get();
        }
        Optional<String> assignee = optionalText(body, "assignee", MAX_ASSIGNEE, errors);
        Optional<String> note = optionalText(body, "note", MAX_NOTE, errors);
        UUID resolvedBy = null;
        JsonNode resolvedNode = body.get("resolvedByTouchpointId");
        if (resolvedNode != null && !resolvedNode.isNull()) {
            try {
                resolvedBy = UUID.fromString(resolvedNode.isTextual() ? resolvedNode.asText().trim() : "");
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("resolvedByTouchpointId", "must be a touchpoint id (UUID)"));
            }
            if (status != null && status != TaskStatus.DONE) {
                errors.add(new FieldError("resolvedByTouchpointId", "may only be given with status done"));
            }
        }
        Optional<LocalDate> dueOn = null;
        if (body.has("dueOn")) {
            JsonNode dueNode = body.get("dueOn");
            if (dueNode.isNull()) {
                dueOn = Optional.empty();
            } else {
                try {
                    LocalDate day = LocalDate.parse(dueNode.isTextual() ? dueNode.asText().trim() : "");
                    if (day.getYear() < 1900 || day.getYear() > 2999) {
                        errors.add(new FieldError("dueOn", "must be a date from 1900 to 2999"));
                    } else {
                        dueOn = Optional.of(day);
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("dueOn", "must be a date (YYYY-MM-DD) or null"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new TaskChange(status, assignee, note, resolvedBy, dueOn);
    }

    /** {@code null} when absent, empty when sent as null or blank, else the trimmed text. */
    private static Optional<String> optionalText(JsonNode body, String field, int max, List<FieldError> errors) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string or null"));
            return null;
        }
        String text = node.asText().trim();
        if (text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
