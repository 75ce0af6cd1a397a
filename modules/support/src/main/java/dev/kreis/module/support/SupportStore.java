package dev.kreis.module.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.spi.data.ModuleDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The module's JDBC access to its tables ({@code sup_sla_policy}, {@code sup_ticket}, {@code sup_ticket_event}).
 * Every call joins the caller's transaction through {@link ModuleDataSource}. Thread-safe (stateless).
 */
@ApplicationScoped
public class SupportStore {
    static final String TICKET_COLUMNS = "id, customer_id, subject, description, channel, priority, proactive, status, contacts, responses, "
            + "resolutions, opened_at, first_responded_at, first_response_seconds, resolved_at, resolution_seconds, sla_met, closed_at, "
            + "resolution_note, first_response_due_at, resolution_due_at, first_response_breach_noted, resolution_breach_noted, "
            + "opened_touchpoint_id, resolved_touchpoint_id, csat_invitation_id, ces_invitation_id, events, crm_source, crm_object, crm_record_id, "
            + "created_at, updated_at";

    /** The default policies the migration seeds and a purge restores: priority, first response, resolution (minutes). */
    static final Object[][] DEFAULT_POLICIES = { { "urgent", 30, 240 }, { "high", 60, 480 }, { "normal", 240, 1440 }, { "low", 1440, 4320 } };

    private final ModuleDataSource data;

    SupportStore(ModuleDataSource data) {
        this.data = data;
    }

    /** Filters of the ticket list; {@code null} means "any". */
    record TicketFilter(TicketStatus status, Priority priority, UUID customerId, Boolean breached) {
    }

    // --- tickets ---------------------------------------------------------------------------------------------

    void insert(Ticket t) {
        String sql = "insert into sup_ticket (" + TICKET_COLUMNS + ") values (" + "?, ".repeat(32) + "?)";
        execute(sql, values(t, true));
    }

    void update(Ticket t) {
        List<Object> params = values(t, false);
        String sql = "update sup_ticket set customer_id = ?, subject = ?, description = ?, channel = ?, priority = ?, proactive = ?, status = ?, "
                + "contacts = ?, responses = ?, resolutions = ?, opened_at = ?, first_responded_at = ?, first_response_seconds = ?, "
                + "resolved_at = ?, resolution_seconds = ?, sla_met = ?, closed_at = ?, resolution_note = ?, first_response_due_at = ?, "
                + "resolution_due_at = ?, first_response_breach_noted = ?, resolution_breach_noted = ?, opened_touchpoint_id = ?, "
                + "resolved_touchpoint_id = ?, csat_invitation_id = ?, ces_invitation_id = ?, events = ?, crm_source = ?, crm_object = ?, "
                + "crm_record_id = ?, created_at = ?, updated_at = ? "
                + "where id = ?";
        params.add(t.id);
        execute(sql, params);
    }

    private static List<Object> values(Ticket t, boolean withId) {
        List<Object> params = new ArrayList<>();
        if (withId) {
            params.add(t.id);
        }
        params.add(t.customerId);
        params.add(t.subject);
        params.add(t.description);
        params.add(t.channel);
        params.add(t.priority.wire());
        params.add(t.proactive);
        params.add(t.status.wire());
        params.add(t.contacts);
        params.add(t.responses);
        params.add(t.resolutions);
        params.add(t.openedAt);
        params.add(t.firstRespondedAt);
        params.add(t.firstResponseSeconds);
        params.add(t.resolvedAt);
        params.add(t.resolutionSeconds);
        params.add(t.slaMet);
        params.add(t.closedAt);
        params.add(t.resolutionNote);
        params.add(t.firstResponseDueAt);
        params.add(t.resolutionDueAt);
        params.add(t.firstResponseBreachNoted);
        params.add(t.resolutionBreachNoted);
        params.add(t.openedTouchpointId);
        params.add(t.resolvedTouchpointId);
        params.add(t.csatInvitationId);
        params.add(t.cesInvitationId);
        params.add(t.events);
        params.add(t.crmSource);
        params.add(t.crmObject);
        params.add(t.crmRecordId);
        params.add(t.createdAt);
        params.add(t.updatedAt);
        return params;
    }

    /** The ticket; with {@code lock} its row stays locked until the transaction ends, so concurrent changes queue. */
    Optional<Ticket> find(UUID id, boolean lock) {
        List<Ticket> found = tickets("select " + TICKET_COLUMNS + " from sup_ticket where id = ?" + (lock ? " for update" : ""), List.of(id));
        return found.stream().findFirst();
    }

    /** The ticket synced from the CRM record {@code (source, recordId)}, its row locked until the transaction ends. */
    Optional<Ticket> findFromCrm(String source, String recordId) {
        return tickets("select " + TICKET_COLUMNS + " from sup_ticket where crm_source = ? and crm_record_id = ? for update",
                List.of(source, recordId)).stream().findFirst();
    }

    /**
     * Tickets newest first (opening time, then id), after the keyset position {@code after} (opened at, id), at most
     * {@code limit}. Breach filters compare the targets with {@code now}.
     */
    List<Ticket> list(TicketFilter filter, Instant now, Instant afterOpenedAt, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + TICKET_COLUMNS + " from sup_ticket where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().wire());
        }
        if (filter.priority() != null) {
            sql.append(" and priority = ?");
            params.add(filter.priority().wire());
        }
        if (filter.customerId() != null) {
            sql.append(" and customer_id = ?");
            params.add(filter.customerId());
        }
        if (filter.breached() != null) {
            sql.append(filter.breached() ? " and (" : " and not (")
                    .append("coalesce(first_responded_at, closed_at, ?) > first_response_due_at")
                    .append(" or coalesce(resolved_at, closed_at, ?) > resolution_due_at)");
            params.add(now);
            params.add(now);
        }
        if (afterId != null) {
            sql.append(" and (opened_at < ? or (opened_at = ? and id < ?))");
            params.add(afterOpenedAt);
            params.add(afterOpenedAt);
            params.add(afterId);
        }
        sql.append(" order by opened_at desc, id desc fetch first ").append(limit).append(" rows only");
        return tickets(sql.toString(), params);
    }

    /** The customer's tickets, oldest first (for the personal-data export and erasure). */
    List<Ticket> ofCustomer(UUID customerId) {
        return tickets("select " + TICKET_COLUMNS + " from sup_ticket where customer_id = ? order by opened_at, id", List.of(customerId));
    }

    /** Active high- and urgent-priority tickets: the ones that hold their customers out of campaigns. */
    List<Ticket> holding() {
        return tickets("select " + TICKET_COLUMNS + " from sup_ticket where status in ('open', 'pending') and priority in ('high', 'urgent')",
                List.of());
    }

    private List<Ticket> tickets(String sql, List<Object> params) {
        try (Connection connection = data.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, params);
            List<Ticket> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(ticket(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    private static Ticket ticket(ResultSet rows) throws SQLException {
        Ticket t = new Ticket();
        t.id = Jdbc.uuid(rows, "id");
        t.customerId = Jdbc.uuid(rows, "customer_id");
        t.subject = rows.getString("subject");
        t.description = rows.getString("description");
        t.channel = rows.getString("channel");
        t.priority = Priority.fromWire(rows.getString("priority")).orElseThrow();
        t.proactive = rows.getBoolean("proactive");
        t.status = TicketStatus.fromWire(rows.getString("status")).orElseThrow();
        t.contacts = rows.getInt("contacts");
        t.responses = rows.getInt("responses");
        t.resolutions = rows.getInt("resolutions");
        t.openedAt = Jdbc.instant(rows, "opened_at");
        t.firstRespondedAt = Jdbc.instant(rows, "first_responded_at");
        t.firstResponseSeconds = Jdbc.longOrNull(rows, "first_response_seconds");
        t.resolvedAt = Jdbc.instant(rows, "resolved_at");
        t.resolutionSeconds = Jdbc.longOrNull(rows, "resolution_seconds");
        t.slaMet = Jdbc.boolOrNull(rows, "sla_met");
        t.closedAt = Jdbc.instant(rows, "closed_at");
        t.resolutionNote = rows.getString("resolution_note");
        t.firstResponseDueAt = Jdbc.instant(rows, "first_response_due_at");
        t.resolutionDueAt = Jdbc.instant(rows, "resolution_due_at");
        t.firstResponseBreachNoted = rows.getBoolean("first_response_breach_noted");
        t.resolutionBreachNoted = rows.getBoolean("resolution_breach_noted");
        t.openedTouchpointId = Jdbc.uuid(rows, "opened_touchpoint_id");
        t.resolvedTouchpointId = Jdbc.uuid(rows, "resolved_touchpoint_id");
        t.csatInvitationId = Jdbc.uuid(rows, "csat_invitation_id");
        t.cesInvitationId = Jdbc.uuid(rows, "ces_invitation_id");
        t.events = rows.getLong("events");
        t.crmSource = rows.getString("crm_source");
        t.crmObject = rows.getString("crm_object");
        t.crmRecordId = rows.getString("crm_record_id");
        t.createdAt = Jdbc.instant(rows, "created_at");
        t.updatedAt = Jdbc.instant(rows, "updated_at");
        return t;
    }

    // --- history ---------------------------------------------------------------------------------------------

    /** One entry of a ticket's history. */
    record Event(long seq, String kind, String from, String to, Instant at, String actor, String note) {
    }

    /** Appends an entry to the ticket's history; the caller holds the ticket's row lock and writes the ticket back. */
    void addEvent(Ticket t, String kind, String from, String to, Instant at, String actor, String note) {
        t.events++;
        execute("insert into sup_ticket_event (id, ticket_id, seq, kind, from_value, to_value, occurred_at, actor, note) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(UUID.randomUUID(), t.id, t.events, kind, from, to, at, actor, note));
    }

    /** The ticket's history in order, after entry {@code afterSeq}, at most {@code limit}. */
    List<Event> events(UUID ticketId, long afterSeq, int limit) {
        String sql = "select seq, kind, from_value, to_value, occurred_at, actor, note from sup_ticket_event where ticket_id = ? and seq > ? "
                + "order by seq fetch first " + limit + " rows only";
        try (Connection connection = data.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, List.of(ticketId, afterSeq));
            List<Event> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(new Event(rows.getLong("seq"), rows.getString("kind"), rows.getString("from_value"), rows.getString("to_value"),
                            Jdbc.instant(rows, "occurred_at"), rows.getString("actor"), rows.getString("note")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    // --- SLA policies ----------------------------------------------------------------------------------------

    List<SlaPolicy> policies() {
        String sql = "select priority, first_response_minutes, resolution_minutes, updated_at, updated_by from sup_sla_policy";
        try (Connection connection = data.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<SlaPolicy> out = new ArrayList<>();
            while (rows.next()) {
                out.add(new SlaPolicy(rows.getString("priority"), rows.getInt("first_response_minutes"), rows.getInt("resolution_minutes"),
                        Jdbc.instant(rows, "updated_at"), rows.getString("updated_by")));
            }
            out.sort(java.util.Comparator.comparing(p -> Priority.fromWire(p.priority()).map(Enum::ordinal).orElse(99)));
            return out;
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    SlaPolicy policy(Priority priority) {
        return policies().stream().filter(p -> p.priority().equals(priority.wire())).findFirst()
                .orElseThrow(() -> new IllegalStateException("support module: no SLA policy for priority " + priority.wire()));
    }

    void putPolicy(Priority priority, int firstResponseMinutes, int resolutionMinutes, Instant at, String actor) {
        int changed = execute("update sup_sla_policy set first_response_minutes = ?, resolution_minutes = ?, updated_at = ?, updated_by = ? "
                + "where priority = ?", java.util.Arrays.asList(firstResponseMinutes, resolutionMinutes, at, actor, priority.wire()));
        if (changed == 0) {
            execute("insert into sup_sla_policy (priority, first_response_minutes, resolution_minutes, updated_at, updated_by) values (?, ?, ?, ?, ?)",
                    java.util.Arrays.asList(priority.wire(), firstResponseMinutes, resolutionMinutes, at, actor));
        }
    }

    // --- lifecycle and privacy -------------------------------------------------------------------------------

    /** Deletes every ticket and its history and puts the default SLA policies back. */
    /** What {@link #purge} deletes: tickets, their events, and the SLA policies an admin changed (the rest are defaults again). */
    List<dev.kreis.spi.module.PurgeCount> purgeCounts() {
        long[] n = aggregate("select (select count(*) from sup_ticket), (select count(*) from sup_ticket_event),"
                + " (select count(*) from sup_sla_policy where updated_by is not null)", List.of(), 3);
        return List.of(new dev.kreis.spi.module.PurgeCount("tickets", n[0]), new dev.kreis.spi.module.PurgeCount("ticket-events", n[1]),
                new dev.kreis.spi.module.PurgeCount("changed-sla-policies", n[2]));
    }

    void purge(Instant now) {
        execute("delete from sup_ticket_event", List.of());
        execute("delete from sup_ticket", List.of());
        execute("delete from sup_sla_policy", List.of());
        for (Object[] policy : DEFAULT_POLICIES) {
            execute("insert into sup_sla_policy (priority, first_response_minutes, resolution_minutes, updated_at, updated_by) values (?, ?, ?, ?, ?)",
                    java.util.Arrays.asList(policy[0], policy[1], policy[2], now, null));
        }
    }

    /** Whether the module's tables exist (they do not before the first install). */
    boolean installed() {
        try (Connection connection = data.get().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] { "sup_ticket", "SUP_TICKET" }) {
                try (ResultSet rows = meta.getTables(null, null, name, null)) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /**
     * Replaces the personal text of the customer's tickets and their history by {@code marker}, and forgets the CRM
     * record ids of tickets synced from a CRM (they point at the person's records there).
     */
    void erase(UUID customerId, String marker) {
        execute("update sup_ticket_event set note = ? where note is not null and ticket_id in (select id from sup_ticket where customer_id = ?)",
                List.of(marker, customerId));
        execute("update sup_ticket set subject = ?, description = case when description is null then null else ? end, "
                + "resolution_note = case when resolution_note is null then null else ? end, crm_record_id = null where customer_id = ?",
                List.of(marker, marker, marker, customerId));
    }

    // --- KPI aggregates --------------------------------------------------------------------------------------

    /** One row of numbers from an aggregate query. */
    long[] aggregate(String sql, List<Object> params, int columns) {
        try (Connection connection = data.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long[] out = new long[columns];
                for (int i = 0; i < columns; i++) {
                    out[i] = rows.getLong(i + 1);
                }
                return out;
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    private int execute(String sql, List<Object> params) {
        try (Connection connection = data.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }
}
