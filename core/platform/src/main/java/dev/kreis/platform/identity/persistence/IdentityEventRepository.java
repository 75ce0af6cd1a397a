package dev.kreis.platform.identity.persistence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The merge/split history (which profiles moved where, by whom) and the separations people decided. */
@ApplicationScoped
public class IdentityEventRepository {
    private final Jdbc jdbc;

    IdentityEventRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one merge or split and, per profile, where it came from and went to. */
    public UUID record(String kind, UUID customerId, String actor, String reason, OffsetDateTime at,
            Map<UUID, UUID> fromCustomerByProfile, UUID toCustomer) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into identity_event (id, kind, customer_id, actor, reason, occurred_at) values (?, ?, ?, ?, ?, ?)",
                id, kind, customerId, actor, reason, at);
        jdbc.batch("insert into identity_event_profile (event_id, profile_id, from_customer, to_customer) values (?, ?, ?, ?)",
                fromCustomerByProfile.entrySet().stream().map(e -> new Object[] { id, e.getKey(), e.getValue(), toCustomer }).toList());
        return id;
    }

    /** One recorded merge or split with the profiles it moved. */
    public record EventRow(@Schema(required = true) UUID id,
            @Schema(required = true, enumeration = { "merge", "auto-merge", "split" }, description = "What happened") String kind,
            @Schema(required = true, description = "The customer merged into, or split") UUID customerId,
            @Schema(required = true, description = "Who did it (identity-resolution for automatic merges)") String actor,
            @Schema(required = true, nullable = true, description = "Why an automatic merge happened; null otherwise") String reason,
            @Schema(required = true, format = "date-time") OffsetDateTime occurredAt,
            @Schema(required = true, description = "The profiles it moved") List<Move> moves) {
    }

    /** One profile moved by an event. */
    public record Move(@Schema(required = true) UUID profileId, @Schema(required = true, description = "The customer it was part of") UUID fromCustomer,
            @Schema(required = true, description = "The customer it became part of") UUID toCustomer) {
    }

    /** The merges and splits a customer took part in (as target, source or destination), newest first. */
    public List<EventRow> history(UUID customerId, int limit) {
        Map<UUID, EventRow> events = new java.util.LinkedHashMap<>();
        jdbc.query("select e.id, e.kind, e.customer_id, e.actor, e.reason, e.occurred_at from identity_event e where e.customer_id = ?"
                + " or e.id in (select event_id from identity_event_profile where from_customer = ? or to_customer = ?)"
                + " order by e.occurred_at desc, e.id desc limit " + limit,
                row -> events.put(Jdbc.uuid(row, "id"), new EventRow(Jdbc.uuid(row, "id"), row.getString("kind"),
                        Jdbc.uuid(row, "customer_id"), row.getString("actor"), row.getString("reason"), Jdbc.time(row, "occurred_at"),
                        new java.util.ArrayList<>())), customerId, customerId, customerId);
        if (!events.isEmpty()) {
            jdbc.query("select event_id, profile_id, from_customer, to_customer from identity_event_profile where event_id in ("
                    + Jdbc.markers(events.size()) + ") order by profile_id",
                    row -> events.get(Jdbc.uuid(row, "event_id")).moves().add(new Move(Jdbc.uuid(row, "profile_id"),
                            Jdbc.uuid(row, "from_customer"), Jdbc.uuid(row, "to_customer"))), events.keySet().toArray());
        }
        return List.copyOf(events.values());
    }

    /** The profiles that ever moved from {@code fromCustomer} into {@code toCustomer}. */
    public Set<UUID> profilesMoved(UUID fromCustomer, UUID toCustomer) {
        return Set.copyOf(jdbc.query("select distinct profile_id from identity_event_profile where from_customer = ? and to_customer = ?",
                row -> Jdbc.uuid(row, "profile_id"), fromCustomer, toCustomer));
    }

    /** For each profile, the customer it came from when it last moved into {@code customer}. */
    public Map<UUID, UUID> lastOrigins(Collection<UUID> profileIds, UUID customer) {
        Map<UUID, UUID> origins = new java.util.HashMap<>();
        List<UUID> ids = List.copyOf(profileIds);
        List<Object> params = new java.util.ArrayList<>(ids);
        params.add(customer);
        jdbc.query("select p.profile_id, p.from_customer from identity_event_profile p join identity_event e on e.id = p.event_id"
                + " where p.profile_id in (" + Jdbc.markers(ids.size()) + ") and p.to_customer = ? order by e.occurred_at",
                row -> origins.put(Jdbc.uuid(row, "profile_id"), Jdbc.uuid(row, "from_customer")), params.toArray());
        return origins;
    }

    /** Remembers that a person decided these profiles belong to different customers. */
    public void separate(Collection<UUID> split, Collection<UUID> remaining, OffsetDateTime at) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (UUID a : split) {
            for (UUID b : remaining) {
                UUID first = a.compareTo(b) < 0 ? a : b;
                UUID second = a.compareTo(b) < 0 ? b : a;
                boolean known = jdbc.queryOne("select count(*) as n from profile_separation where profile_a = ? and profile_b = ?",
                        row -> row.getLong("n"), first, second).orElse(0L) > 0;
                if (!known) {
                    rows.add(new Object[] { first, second, at });
                }
            }
        }
        jdbc.batch("insert into profile_separation (profile_a, profile_b, decided_at) values (?, ?, ?)", rows);
    }

    /** Whether a person separated any profile of one customer from any profile of the other. */
    public boolean separated(UUID customerA, UUID customerB) {
        return jdbc.queryOne("select count(*) as n from profile_separation s join profile a on a.id = s.profile_a"
                + " join profile b on b.id = s.profile_b where (a.customer_id = ? and b.customer_id = ?) or (a.customer_id = ? and b.customer_id = ?)",
                row -> row.getLong("n"), customerA, customerB, customerB, customerA).orElse(0L) > 0;
    }

    /** {@link #separated} for every pair involving one of the customers at once: the separated pairs (see {@link MergeSuggestionRepository#pair}). */
    public Set<String> separatedPairs(Collection<UUID> customers) {
        Set<String> pairs = new java.util.HashSet<>();
        Jdbc.inChunks(List.copyOf(customers), chunk -> {
            java.util.List<Object> params = new java.util.ArrayList<>(chunk);
            params.addAll(chunk);
            // Two index-driven halves (see MergeSuggestionRepository#involving): an "or" across the joined profiles scans every separation.
            return jdbc.query("select a.customer_id as ca, b.customer_id as cb from profile a join profile_separation s on s.profile_a = a.id"
                    + " join profile b on b.id = s.profile_b where a.customer_id in (" + Jdbc.markers(chunk.size()) + ")"
                    + " union all select a.customer_id as ca, b.customer_id as cb from profile b join profile_separation s on s.profile_b = b.id"
                    + " join profile a on a.id = s.profile_a where b.customer_id in (" + Jdbc.markers(chunk.size()) + ")", row -> MergeSuggestionRepository.pair(Jdbc.uuid(row, "ca"), Jdbc.uuid(row, "cb")),
                    params.toArray());
        }).forEach(pairs::add);
        return pairs;
    }

    /** Forgets separations between the profiles of two customers (a person merged them after all). */
    public void forgetSeparations(UUID customerA, UUID customerB) {
        jdbc.update("delete from profile_separation where (profile_a in (select id from profile where customer_id = ?)"
                + " and profile_b in (select id from profile where customer_id = ?)) or (profile_a in (select id from profile where customer_id = ?)"
                + " and profile_b in (select id from profile where customer_id = ?))", customerA, customerB, customerB, customerA);
    }
}
