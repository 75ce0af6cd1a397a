package dev.kreis.platform.signal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.privacy.ErasedCustomers;
import dev.kreis.platform.security.Role;
import dev.kreis.platform.signal.persistence.FollowUpTaskRepository;
import dev.kreis.platform.signal.persistence.FollowUpTaskRepository.ResolvingTouchpoint;
import dev.kreis.platform.signal.persistence.SignalStateRepository;
import dev.kreis.platform.storage.StorageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follow-up tasks: listing, and changes by the department that owns a task (or admins and the CX
 * team). Marking a task done decides whether it was resolved proactively: by a company-initiated
 * touchpoint of the customer at or after the task was opened — the one the change names, or else the
 * first one on record.
 */
@ApplicationScoped
public class FollowUpTasks {
    private static final Set<String> ANY_DEPARTMENT = Set.of(Role.ADMIN.key(), Role.CX_MANAGER.key());

    private final FollowUpTaskRepository repository;
    private final SignalStateRepository customers;
    private final ErasedCustomers erased;
    private final Clock clock;

    FollowUpTasks(FollowUpTaskRepository repository, SignalStateRepository customers, ErasedCustomers erased, Clock clock) {
        this.repository = repository;
        this.customers = customers;
        this.erased = erased;
        this.clock = clock;
    }

    /** Tasks newest first; a customer filter includes the tasks of customers merged into it. */
    public Page<FollowUpTask> list(String department, TaskStatus status, UUID customerId, Cursor before, int limit) {
        List<UUID> customerIds = customerId == null ? null : customers.withMerged(customerId);
        return Page.of(repository.page(new FollowUpTaskRepository.Filter(department, status, customerIds), before, limit + 1), limit,
                task -> Cursor.after(task.createdAt(), task.id()));
    }

    public FollowUpTask get(UUID id) {
        return repository.find(id).orElseThrow(() -> new NotFoundProblem("task", id));
    }

    /**
     * Applies a change as {@code caller} with {@code roles}; 403 unless the caller is the task's department, admin or cx-manager;
     * 409 if the task's customer was erased (a note would record something about them again).
     */
    public FollowUpTask change(UUID id, TaskChange change, String caller, Set<String> roles) {
        FollowUpTask current = get(id);
        if (!roles.contains(current.department()) && roles.stream().noneMatch(ANY_DEPARTMENT::contains)) {
            throw new TaskForbiddenProblem(current.department());
        }
        erased.refuseWrite(current.customerId(), "id");
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID resolvedBy = null;
        Boolean proactive = null;
        OffsetDateTime closedAt = null;
        if (change.status() == TaskStatus.DONE) {
            resolvedBy = change.resolvedByTouchpointId() != null ? checkedResolution(current, change.resolvedByTouchpointId())
                    : repository.firstCompanyTouchpoint(customers.withMerged(current(current)), current.createdAt(), now).orElse(null);
            proactive = resolvedBy != null;
            closedAt = current.status() == TaskStatus.DONE && current.closedAt() != null ? current.closedAt() : now;
        } else if (change.status() == TaskStatus.DISMISSED) {
            closedAt = current.status() == TaskStatus.DISMISSED && current.closedAt() != null ? current.closedAt() : now;
        }
        FollowUpTask changed = new FollowUpTask(current.id(), current.ruleId(), current.customerId(), current.touchpointId(),
                current.department(), current.title(), current.priority(), change.status(),
                change.assignee() == null ? current.assignee() : change.assignee().orElse(null),
                change.note() == null ? current.note() : change.note().orElse(null), resolvedBy, proactive, current.createdAt(), now,
                closedAt, caller, change.dueOn() == null ? current.dueOn() : change.dueOn().orElse(null));
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.update(changed));
        } catch (StorageException e) {
            if (e.isUniqueViolation()) {
                throw new ConflictProblem("The rule that opened this task has another open task for this customer; close that one first");
            }
            throw e;
        }
        return changed;
    }

    private UUID current(FollowUpTask task) {
        return customers.current(task.customerId()).orElse(task.customerId());
    }

    private UUID checkedResolution(FollowUpTask task, UUID touchpointId) {
        String field = "resolvedByTouchpointId";
        ResolvingTouchpoint touchpoint = repository.touchpoint(touchpointId)
                .orElseThrow(() -> new InvalidInputException(field, "no touchpoint with id " + touchpointId));
        if (!customers.withMerged(current(task)).contains(touchpoint.customerId())) {
            throw new InvalidInputException(field, "is a touchpoint of another customer");
        }
        if (!"company".equals(touchpoint.initiator())) {
            throw new InvalidInputException(field, "must be a company-initiated touchpoint (initiator company)");
        }
        if (touchpoint.occurredAt().isBefore(task.createdAt())) {
            throw new InvalidInputException(field, "occurred before the task was opened (" + task.createdAt() + ")");
        }
        return touchpoint.id();
    }
}
