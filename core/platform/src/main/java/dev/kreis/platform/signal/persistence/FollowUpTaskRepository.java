package dev.kreis.platform.signal.persistence;

import static dev.kreis.platform.storage.Jdbc.time;
import static dev.kreis.platform.storage.Jdbc.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.signal.FollowUpTask;
import dev.kreis.platform.signal.TaskPriority;
import dev.kreis.platform.signal.TaskStatus;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FollowUpTaskRepository {
    private static final String COLUMNS = "id, rule_id, customer_id, touchpoint_id, department, title, priority, status, assignee, note,"
            + " open_key, resolved_by_touchpoint_id, resolved_proactively, created_at, updated_at, closed_at, updated_by, due_on";

    private final Jdbc jdbc;

    FollowUpTaskRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of the task list; {@code null} means any. */
    public record Filter(String department, TaskStatus status, List<UUID> customerIds) {
    }

    /**
     * Stores a new open task unless the rule has an active task for the customer (one statement, so
     * concurrent evaluations cannot both open one); answers whether it was stored.
     */
    public boolean openIfNone(FollowUpTask task) {
        return jdbc.update("insert into follow_up_task (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing",
                values(task)) == 1;
    }

    /** Writes what a PATCH may change; fails with a unique violation if reopening meets another active task of the rule. */
    public void update(FollowUpTask task) {
        jdbc.update("update follow_up_task set status = ?, assignee = ?, note = ?, open_key = ?, resolved_by_touchpoint_id = ?,"
                + " resolved_proactively = ?, updated_at = ?, closed_at = ?, updated_by = ?, due_on = ? where id = ?", task.status().wire(),
                task.assignee(), task.note(), task.openKey(), task.resolvedByTouchpointId(), task.resolvedProactively(),
                task.updatedAt(), task.closedAt(), task.updatedBy(), task.dueOn(), task.id());
    }

    public Optional<FollowUpTask> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from follow_up_task where id = ?", FollowUpTaskRepository::task, id);
    }

    /** Tasks newest first. */
    public List<FollowUpTask> page(Filter filter, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from follow_up_task where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.department() != null) {
            sql.append(" and department = ?");
            params.add(filter.department());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().wire());
        }
        if (filter.customerIds() != null) {
            sql.append(" and customer_id in (").append(Jdbc.markers(filter.customerIds().size())).append(")");
            params.addAll(filter.customerIds());
        }
        Cursor.appendBefore(before, "created_at", "id", sql, params);
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.query(sql.toString(), FollowUpTaskRepository::task, params.toArray());
    }

    /** Every task about this customer id (not following merges), oldest first. */
    public List<FollowUpTask> ofCustomer(UUID customerId) {
        return jdbc.query("select " + COLUMNS + " from follow_up_task where customer_id = ? order by created_at, id",
                FollowUpTaskRepository::task, customerId);
    }

    /** Removes the free-text notes of the customer's tasks (erasure). */
    public void eraseNotes(UUID customerId) {
        jdbc.update("update follow_up_task set note = null where customer_id = ? and note is not null", customerId);
    }

    /** The earliest company-initiated touchpoint of any of the customers' profiles in {@code [from, to]}. */
    public Optional<UUID> firstCompanyTouchpoint(List<UUID> customerIds, OffsetDateTime from, OffsetDateTime to) {
        List<Object> params = new ArrayList<>(customerIds);
        params.add(from);
        params.add(to);
        return jdbc.queryOne("select t.id from touchpoint t join profile p on p.id = t.profile_id where p.customer_id in ("
                + Jdbc.markers(customerIds.size()) + ") and t.initiator = 'company' and t.occurred_at >= ? and t.occurred_at <= ?"
                + " order by t.occurred_at, t.id limit 1", row -> uuid(row, "id"), params.toArray());
    }

    /** A touchpoint as a task resolution reads it. */
    public record ResolvingTouchpoint(UUID id, UUID customerId, String initiator, OffsetDateTime occurredAt) {
    }

    public Optional<ResolvingTouchpoint> touchpoint(UUID id) {
        return jdbc.queryOne("select t.id, p.customer_id, t.initiator, t.occurred_at from touchpoint t join profile p on p.id = t.profile_id"
                + " where t.id = ?", row -> new ResolvingTouchpoint(uuid(row, "id"), uuid(row, "customer_id"), row.getString("initiator"),
                        time(row, "occurred_at")), id);
    }

    private static Object[] values(FollowUpTask t) {
        return new Object[] { t.id(), t.ruleId(), t.customerId(), t.touchpointId(), t.department(), t.title(), t.priority().wire(),
                t.status().wire(), t.assignee(), t.note(), t.openKey(), t.resolvedByTouchpointId(), t.resolvedProactively(), t.createdAt(),
                t.updatedAt(), t.closedAt(), t.updatedBy(), t.dueOn() };
    }

    private static FollowUpTask task(ResultSet row) throws SQLException {
        Object proactive = row.getObject("resolved_proactively");
        return new FollowUpTask(uuid(row, "id"), uuid(row, "rule_id"), uuid(row, "customer_id"), uuid(row, "touchpoint_id"),
                row.getString("department"), row.getString("title"), TaskPriority.fromWire(row.getString("priority")).orElseThrow(),
                TaskStatus.fromWire(row.getString("status")).orElseThrow(), row.getString("assignee"), row.getString("note"),
                uuid(row, "resolved_by_touchpoint_id"), proactive == null ? null : row.getBoolean("resolved_proactively"),
                time(row, "created_at"), time(row, "updated_at"), time(row, "closed_at"), row.getString("updated_by"),
                row.getObject("due_on", java.time.LocalDate.class));
    }
}
