package dev.kreis.platform.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.audit.AuditEntry;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Audit rows. Inserts and reads only: there is no update or delete of an entry (erasure scrubs values, see {@link #scrub}). */
@ApplicationScoped
public class AuditRepository {
    private static final String COLUMNS = "e.id, e.occurred_at, e.actor, e.action, e.target_type, e.target_id, e.before_state, e.after_state";

    private final Jdbc jdbc;

    AuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of the audit list; {@code null} means "any". {@code from} is inclusive, {@code to} exclusive. */
    public record AuditFilter(String actor, String action, String targetType, String targetId, OffsetDateTime from,
            OffsetDateTime to) {
    }

    public void insert(UUID id, OffsetDateTime at, String actor, String action, String targetType, String targetId, String before,
            String after, Collection<UUID> customers) {
        jdbc.update("insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, before_state, after_state)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, at, actor, action, targetType, targetId, before, after);
        jdbc.batch("insert into audit_entry_customer (customer_id, entry_id) values (?, ?)",
                customers.stream().map(c -> new Object[] { c, id }).toList());
    }

    public List<AuditEntry> find(AuditFilter filter, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry e where 1 = 1");
        List<Object> params = new ArrayList<>();
        equal(sql, params, "e.actor", filter.actor());
        equal(sql, params, "e.action", filter.action());
        equal(sql, params, "e.target_type", filter.targetType());
        equal(sql, params, "e.target_id", filter.targetId());
        if (filter.from() != null) {
            sql.append(" and e.occurred_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and e.occurred_at < ?");
            params.add(filter.to());
        }
        Cursor.appendBefore(after, "e.occurred_at", "e.id", sql, params);
        sql.append(" order by e.occurred_at desc, e.id desc limit ").append(limit);
        return jdbc.query(sql.toString(), AuditRepository::row, params.toArray());
    }

    /** Entries concerning any of the customers, oldest first. */
    public List<AuditEntry> about(Collection<UUID> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from audit_entry e where e.id in (select entry_id from audit_entry_customer"
                + " where customer_id in (" + Jdbc.markers(customers.size()) + ")) order by e.occurred_at, e.id",
                AuditRepository::row, customers.toArray());
    }

    /**
     * Replaces the before/after JSON of an entry. Used by erasure only, to take a data subject's personal
     * values out of entries about them; who did what and when stays.
     */
    public void scrub(UUID id, String before, String after) {
        jdbc.update("update audit_entry set before_state = ?, after_state = ? where id = ?", before, after, id);
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static AuditEntry row(ResultSet row) throws SQLException {
        return new AuditEntry(Jdbc.uuid(row, "id"), Jdbc.time(row, "occurred_at"), row.getString("actor"), row.getString("action"),
                row.getString("target_type"), row.getString("target_id"), row.getString("before_state"), row.getString("after_state"));
    }
}
