package dev.kreis.platform.signal.persistence;

import static dev.kreis.platform.storage.Jdbc.time;
import static dev.kreis.platform.storage.Jdbc.uuid;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import dev.kreis.platform.signal.TouchpointFact;
import dev.kreis.platform.signal.TriggerPattern;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.touchpoint.persistence.TouchpointPartitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What evaluation reads and writes besides tasks: the outbox, touchpoint facts and window counts,
 * customer tags, absence episodes and scheduled-job leases.
 */
@ApplicationScoped
public class SignalStateRepository {
    private static final int IN_CHUNK = 500;
    private static final String FACT = "select t.id, p.customer_id, t.type, t.module, t.initiator, t.score, t.occurred_at, t.received_at"
            + " from touchpoint t join profile p on p.id = t.profile_id";

    private final Jdbc jdbc;

    SignalStateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A touchpoint to evaluate, and when it occurred (which monthly partition holds it). */
    public record Queued(UUID touchpointId, OffsetDateTime occurredAt) {
    }

    public void enqueue(List<Queued> touchpoints, OffsetDateTime now) {
        jdbc.batch("insert into signal_outbox (touchpoint_id, occurred_at, enqueued_at) values (?, ?, ?)",
                touchpoints.stream().map(t -> new Object[] { t.touchpointId(), t.occurredAt(), now }).toList());
    }

    /**
     * Locks up to {@code limit} of the oldest outbox entries no other transaction holds, for the
     * current transaction; other nodes' workers skip them.
     */
    public List<UUID> claim(int limit) {
        return jdbc.query("select touchpoint_id from signal_outbox order by enqueued_at limit ? for update skip locked",
                row -> uuid(row, "touchpoint_id"), limit);
    }

    /** Locks one outbox entry for the current transaction, unless another transaction holds it or it is gone. */
    public boolean claimOne(UUID touchpointId) {
        return !jdbc.query("select touchpoint_id from signal_outbox where touchpoint_id = ? for update skip locked",
                row -> uuid(row, "touchpoint_id"), touchpointId).isEmpty();
    }

    public void remove(List<UUID> touchpointIds) {
        jdbc.batch("delete from signal_outbox where touchpoint_id = ?", touchpointIds.stream().map(id -> new Object[] { id }).toList());
    }

    public long outboxSize() {
        return jdbc.queryOne("select count(*) from signal_outbox", row -> row.getLong(1)).orElse(0L);
    }

    /**
     * The facts of these outbox entries' touchpoints; an entry whose touchpoint is gone has none. Read one UTC
     * month at a time, by the time the outbox keeps: on PostgreSQL each query then reaches one monthly partition
     * instead of probing every partition's primary key for every id.
     */
    public List<TouchpointFact> facts(List<UUID> touchpointIds) {
        Map<UUID, OffsetDateTime> occurred = new HashMap<>();
        Jdbc.inChunks(touchpointIds, chunk -> jdbc.query("select touchpoint_id, occurred_at from signal_outbox where touchpoint_id in ("
                + Jdbc.markers(chunk.size()) + ")", row -> occurred.put(uuid(row, "touchpoint_id"), time(row, "occurred_at")), chunk.toArray()));
        Map<YearMonth, List<UUID>> byMonth = new TreeMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : touchpointIds) {
            OffsetDateTime at = occurred.get(id);
            if (at == null) {
                unknown.add(id);
            } else {
                byMonth.computeIfAbsent(TouchpointPartitions.month(at), month -> new ArrayList<>()).add(id);
            }
        }
        List<TouchpointFact> facts = new ArrayList<>();
        byMonth.forEach((month, ids) -> facts.addAll(facts(ids, " and t.occurred_at >= ? and t.occurred_at < ?",
                TouchpointPartitions.start(month), TouchpointPartitions.start(month.plusMonths(1)))));
        facts.addAll(facts(unknown, ""));
        return facts;
    }

    /** The facts of the touchpoints {@code ids} that {@code condition} (with {@code bounds} as its parameters) selects. */
    private List<TouchpointFact> facts(List<UUID> ids, String condition, Object... bounds) {
        return Jdbc.inChunks(ids, chunk -> {
            List<Object> params = new ArrayList<>(chunk);
            params.addAll(List.of(bounds));
            return jdbc.query(FACT + " where t.id in (" + Jdbc.markers(chunk.size()) + ")" + condition, row -> new TouchpointFact(
                    uuid(row, "id"), uuid(row, "customer_id"), row.getString("type"), row.getString("module"), row.getString("initiator"),
                    row.getBigDecimal("score"), time(row, "occurred_at"), time(row, "received_at")), params.toArray());
        });
    }

    /** A touchpoint time of a customer. */
    public record Occurrence(UUID customerId, OffsetDateTime occurredAt) {
    }

    /** The times of the customers' touchpoints matching the trigger in {@code (after, until]}: one query per 500 customers. */
    public List<Occurrence> occurrences(TriggerPattern trigger, List<UUID> customerIds, OffsetDateTime after, OffsetDateTime until) {
        List<Occurrence> found = new ArrayList<>();
        for (int from = 0; from < customerIds.size(); from += IN_CHUNK) {
            List<UUID> chunk = customerIds.subList(from, Math.min(customerIds.size(), from + IN_CHUNK));
            List<Object> params = new ArrayList<>(chunk);
            String match = trigger.sql("t", params);
            params.add(after);
            params.add(until);
            found.addAll(jdbc.query("select p.customer_id, t.occurred_at from touchpoint t join profile p on p.id = t.profile_id"
                    + " where p.customer_id in (" + Jdbc.markers(chunk.size()) + ") and " + match + " and t.occurred_at > ? and t.occurred_at <= ?",
                    row -> new Occurrence(uuid(row, "customer_id"), time(row, "occurred_at")), params.toArray()));
        }
        return found;
    }

    /** Every touchpoint matching the trigger that occurred in {@code (after, until]}, in time order (for backtests). */
    public List<TouchpointFact> matching(TriggerPattern trigger, OffsetDateTime after, OffsetDateTime until) {
        List<Object> params = new ArrayList<>();
        String match = trigger.sql("t", params);
        params.add(after);
        params.add(until);
        return jdbc.query(FACT + " where " + match + " and t.occurred_at > ? and t.occurred_at <= ? order by t.occurred_at, t.id",
                row -> new TouchpointFact(uuid(row, "id"), uuid(row, "customer_id"), row.getString("type"), row.getString("module"),
                        row.getString("initiator"), row.getBigDecimal("score"), time(row, "occurred_at"), time(row, "received_at")),
                params.toArray());
    }

    /**
     * Customers whose last touchpoint matching the trigger occurred in {@code (from, to]}, with that
     * touchpoint, unless the rule signalled that episode already.
     */
    public List<TouchpointFact> silentSince(UUID ruleId, TriggerPattern trigger, OffsetDateTime from, OffsetDateTime to) {
        List<Object> params = new ArrayList<>();
        String inner = trigger.sql("t2", params);
        String outer = trigger.sql("t", params);
        params.add(from);
        params.add(to);
        params.add(ruleId);
        return jdbc.query(FACT + " join (select p2.customer_id, max(t2.occurred_at) last_at from touchpoint t2"
                + " join profile p2 on p2.id = t2.profile_id where " + inner + " group by p2.customer_id) last"
                + " on last.customer_id = p.customer_id and last.last_at = t.occurred_at"
                + " where " + outer + " and last.last_at > ? and last.last_at <= ?"
                + " and not exists (select 1 from signal_absence_fired f where f.rule_id = ? and f.customer_id = p.customer_id"
                + " and f.touchpoint_id = t.id) order by p.customer_id, t.id",
                row -> new TouchpointFact(uuid(row, "id"), uuid(row, "customer_id"), row.getString("type"), row.getString("module"),
                        row.getString("initiator"), row.getBigDecimal("score"), time(row, "occurred_at"), time(row, "received_at")),
                params.toArray());
    }

    /** Records an absence episode as signalled; answers false if some node recorded it first. */
    public boolean markAbsenceFired(UUID ruleId, UUID customerId, UUID touchpointId, OffsetDateTime now) {
        return jdbc.update("insert into signal_absence_fired (rule_id, customer_id, touchpoint_id, fired_at) values (?,?,?,?) on conflict do nothing",
                ruleId, customerId, touchpointId, now) == 1;
    }

    public void tag(UUID customerId, String tag, UUID ruleId, UUID touchpointId, OffsetDateTime now) {
        jdbc.update("insert into customer_tag (customer_id, tag, rule_id, touchpoint_id, tagged_at) values (?,?,?,?,?) on conflict do nothing",
                customerId, tag, ruleId, touchpointId, now);
    }

    /** A tag on a customer. */
    public record Tag(String tag, UUID ruleId, UUID touchpointId, UUID customerId, OffsetDateTime taggedAt) {
    }

    public List<Tag> tags(List<UUID> customerIds) {
        return jdbc.query("select tag, rule_id, touchpoint_id, customer_id, tagged_at from customer_tag where customer_id in ("
                + Jdbc.markers(customerIds.size()) + ") order by tag, tagged_at", row -> new Tag(row.getString("tag"), uuid(row, "rule_id"),
                        uuid(row, "touchpoint_id"), uuid(row, "customer_id"), time(row, "tagged_at")), customerIds.toArray());
    }

    /**
     * Takes the named lease until {@code until} if it has expired; answers whether this caller got it.
     * One conditional update, so of several nodes asking at once exactly one wins.
     */
    public boolean acquireLease(String name, String holder, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.update("update scheduled_lease set holder = ?, expires_at = ? where name = ? and expires_at <= ?", holder, until, name, now) == 1;
    }

    /** The customer and every customer merged into it, directly or through others. */
    public List<UUID> withMerged(UUID customerId) {
        List<UUID> all = new ArrayList<>(List.of(customerId));
        List<UUID> frontier = List.of(customerId);
        while (!frontier.isEmpty() && all.size() < 10_000) {
            frontier = jdbc.query("select id from customer where merged_into in (" + Jdbc.markers(frontier.size()) + ")",
                    row -> uuid(row, "id"), frontier.toArray());
            all.addAll(frontier);
        }
        return all;
    }

    /** The customer a (possibly merged) id forwards to now; empty if there is no such customer. */
    public Optional<UUID> current(UUID customerId) {
        UUID id = customerId;
        for (int hops = 0; hops < 1000; hops++) {
            Optional<Optional<UUID>> next = jdbc.queryOne("select merged_into from customer where id = ?",
                    row -> Optional.ofNullable(uuid(row, "merged_into")), id);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (next.get().isEmpty()) {
                return Optional.of(id);
            }
            id = next.get().get();
        }
        return Optional.of(id);
    }
}
