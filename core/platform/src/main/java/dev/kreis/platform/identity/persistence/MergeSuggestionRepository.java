package dev.kreis.platform.identity.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Open, dismissed and resolved merge suggestions between pairs of profiles. */
@ApplicationScoped
public class MergeSuggestionRepository {
    private static final int MAX_TRIM = 1000;
    private final Jdbc jdbc;

    MergeSuggestionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A suggestion with the customers its two profiles belong to now. */
    public record SuggestionRow(UUID id, UUID profileA, UUID profileB, UUID customerA, UUID customerB, BigDecimal score,
            String reasons, String status, OffsetDateTime createdAt) {
    }

    /** The key of an unordered pair of customers (or profiles): the same whichever comes first. */
    public static String pair(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** {@link #existsBetween} for every pair involving one of the customers at once: the pairs (see {@link #pair}) with an open or dismissed suggestion. */
    public java.util.Set<String> pairsWithSuggestions(java.util.Collection<UUID> customers) {
        java.util.Set<String> pairs = new java.util.HashSet<>();
        Jdbc.inChunks(List.copyOf(customers), chunk -> {
            java.util.List<Object> params = new java.util.ArrayList<>(chunk);
            params.addAll(chunk);
            return jdbc.query(involving("a.customer_id as ca, b.customer_id as cb", "s.status in ('open', 'dismissed')", chunk.size()),
                    row -> pair(Jdbc.uuid(row, "ca"), Jdbc.uuid(row, "cb")), params.toArray());
        }).forEach(pairs::add);
        return pairs;
    }

    /**
     * The suggestions (with the given status condition) whose first or second profile belongs to one of {@code n}
     * customers, their ids bound twice. Written as two index-driven halves, from each side's customers through
     * {@code profile_customer} to the suggestions, since an {@code or} across the two joined profiles makes the
     * database scan every suggestion (about 100 ms a call at 100,000 suggestions). A suggestion between two of the
     * customers comes twice; callers keep a set.
     */
    private static String involving(String columns, String status, int n) {
        return "select " + columns + " from profile a join merge_suggestion s on s.profile_a = a.id join profile b on b.id = s.profile_b"
                + " where " + status + " and a.customer_id in (" + Jdbc.markers(n) + ")"
                + " union all select " + columns + " from profile b join merge_suggestion s on s.profile_b = b.id join profile a on a.id = s.profile_a"
                + " where " + status + " and b.customer_id in (" + Jdbc.markers(n) + ")";
    }

    /** A suggestion to store: the two profiles (any order), score and reasons. */
    public record NewSuggestion(UUID profileA, UUID profileB, BigDecimal score, String reasons) {
    }

    /** {@link #suggest} for many pairs: each stored unless a suggestion for the same two profiles exists (in any status). */
    public void suggestAll(List<NewSuggestion> wanted, OffsetDateTime at) {
        if (wanted.isEmpty()) {
            return;
        }
        java.util.Set<UUID> firsts = new java.util.HashSet<>();
        wanted.forEach(w -> firsts.add(w.profileA().compareTo(w.profileB()) < 0 ? w.profileA() : w.profileB()));
        java.util.Set<String> known = new java.util.HashSet<>(Jdbc.inChunks(List.copyOf(firsts), chunk -> jdbc.query(
                "select profile_a, profile_b from merge_suggestion where profile_a in (" + Jdbc.markers(chunk.size()) + ")",
                row -> pair(Jdbc.uuid(row, "profile_a"), Jdbc.uuid(row, "profile_b")), chunk.toArray())));
        List<Object[]> rows = new java.util.ArrayList<>();
        for (NewSuggestion w : wanted) {
            UUID first = w.profileA().compareTo(w.profileB()) < 0 ? w.profileA() : w.profileB();
            UUID second = w.profileA().compareTo(w.profileB()) < 0 ? w.profileB() : w.profileA();
            if (known.add(pair(first, second))) {
                rows.add(new Object[] { UUID.randomUUID(), first, second, w.score(), w.reasons(), "open", at });
            }
        }
        jdbc.insertAll("merge_suggestion", List.of("id", "profile_a", "profile_b", "score", "reasons", "status", "created_at"), rows);
    }

    /**
     * {@link #keepBestOpen} for many customers, one after another as if each were trimmed alone: the open suggestions of all of
     * them are read at once and those beyond each customer's {@code keep} best (by score, then newest id) deleted together.
     */
    public void keepBestOpenAll(java.util.Collection<UUID> customers, int keep) {
        if (customers.isEmpty()) {
            return;
        }
        record Open(UUID id, BigDecimal score, UUID customerA, UUID customerB) {
        }
        List<Open> open = Jdbc.inChunks(List.copyOf(customers), chunk -> {
            java.util.List<Object> params = new java.util.ArrayList<>(chunk);
            params.addAll(chunk);
            return jdbc.query(involving("s.id, s.score, a.customer_id as ca, b.customer_id as cb", "s.status = 'open'", chunk.size()),
                    row -> new Open(Jdbc.uuid(row, "id"), row.getBigDecimal("score"), Jdbc.uuid(row, "ca"), Jdbc.uuid(row, "cb")),
                    params.toArray());
        });
        java.util.Map<UUID, Open> byId = new java.util.LinkedHashMap<>();
        open.forEach(o -> byId.put(o.id(), o));
        java.util.Map<UUID, List<Open>> byCustomer = new java.util.HashMap<>();
        byId.values().forEach(o -> {
            byCustomer.computeIfAbsent(o.customerA(), k -> new java.util.ArrayList<>()).add(o);
            if (!o.customerB().equals(o.customerA())) {
                byCustomer.computeIfAbsent(o.customerB(), k -> new java.util.ArrayList<>()).add(o);
            }
        });
        java.util.Comparator<Open> best = java.util.Comparator.comparing(Open::score).reversed()
                .thenComparing(o -> o.id().toString(), java.util.Comparator.reverseOrder());
        java.util.Set<UUID> removed = new java.util.LinkedHashSet<>();
        for (UUID customer : new java.util.LinkedHashSet<>(customers)) {
            List<Open> mine = byCustomer.getOrDefault(customer, List.of()).stream().filter(o -> !removed.contains(o.id())).sorted(best).toList();
            mine.stream().skip(keep).forEach(o -> removed.add(o.id()));
        }
        Jdbc.inChunks(List.copyOf(removed), chunk -> {
            jdbc.update("delete from merge_suggestion where status = 'open' and id in (" + Jdbc.markers(chunk.size()) + ")", chunk.toArray());
            return List.of();
        });
    }

    /** Stores a suggestion for the pair unless one exists already (in any status). */
    public void suggest(UUID profileA, UUID profileB, BigDecimal score, String reasons, OffsetDateTime at) {
        UUID first = profileA.compareTo(profileB) < 0 ? profileA : profileB;
        UUID second = profileA.compareTo(profileB) < 0 ? profileB : profileA;
        boolean known = jdbc.queryOne("select count(*) as n from merge_suggestion where profile_a = ? and profile_b = ?",
                row -> row.getLong("n"), first, second).orElse(0L) > 0;
        if (!known) {
            jdbc.update("insert into merge_suggestion (id, profile_a, profile_b, score, reasons, status, created_at)"
                    + " values (?, ?, ?, ?, ?, 'open', ?)", UUID.randomUUID(), first, second, score, reasons, at);
        }
    }

    /**
     * Whether a suggestion (open, or dismissed by a person) already links any profile of one customer
     * with any profile of the other, so the pair is not suggested again.
     */
    public boolean existsBetween(UUID customerA, UUID customerB) {
        return jdbc.queryOne("select count(*) as n from merge_suggestion s join profile a on a.id = s.profile_a"
                + " join profile b on b.id = s.profile_b where s.status in ('open', 'dismissed')"
                + " and ((a.customer_id = ? and b.customer_id = ?) or (a.customer_id = ? and b.customer_id = ?))",
                row -> row.getLong("n"), customerA, customerB, customerB, customerA).orElse(0L) > 0;
    }

    /**
     * Deletes the open suggestions involving the customer beyond its {@code keep} best (by score, then
     * newest id): open suggestions are the machine's guesses, so only a person's decisions (dismissed,
     * merged) are kept whatever their number.
     */
    public void keepBestOpen(UUID customer, int keep) {
        List<UUID> beyond = jdbc.query("select id, score from merge_suggestion where status = 'open'"
                + " and profile_a in (select id from profile where customer_id = ?) union select id, score from merge_suggestion"
                + " where status = 'open' and profile_b in (select id from profile where customer_id = ?)"
                + " order by score desc, id desc limit ? offset ?", row -> Jdbc.uuid(row, "id"), customer, customer, MAX_TRIM, keep);
        if (!beyond.isEmpty()) {
            jdbc.update("delete from merge_suggestion where status = 'open' and id in (" + Jdbc.markers(beyond.size()) + ")", beyond.toArray());
        }
    }

    /** Open suggestions whose profiles are still in different customers, best first. */
    public List<SuggestionRow> open(Cursor after, int limit) {
        return open(null, after, limit);
    }

    /** Open suggestions involving {@code customer} (any customer when {@code null}), best first. */
    public List<SuggestionRow> open(UUID customer, Cursor after, int limit) {
        List<Object> params = new java.util.ArrayList<>();
        String involving = "";
        if (customer != null) {
            involving = " and (a.customer_id = ? or b.customer_id = ?)";
            params.add(customer);
            params.add(customer);
        }
        String keyset = "";
        if (after != null) {
            keyset = " and (s.score < ? or (s.score = ? and s.id < ?))";
            params.add(after.number());
            params.add(after.number());
            params.add(after.id());
        }
        return jdbc.query("select s.id, s.profile_a, s.profile_b, a.customer_id as customer_a, b.customer_id as customer_b,"
                + " s.score, s.reasons, s.status, s.created_at from merge_suggestion s join profile a on a.id = s.profile_a"
                + " join profile b on b.id = s.profile_b where s.status = 'open' and a.customer_id <> b.customer_id" + involving + keyset
                + " order by s.score desc, s.id desc limit " + limit, MergeSuggestionRepository::row, params.toArray());
    }

    public Optional<SuggestionRow> find(UUID id) {
        return jdbc.queryOne("select s.id, s.profile_a, s.profile_b, a.customer_id as customer_a, b.customer_id as customer_b,"
                + " s.score, s.reasons, s.status, s.created_at from merge_suggestion s join profile a on a.id = s.profile_a"
                + " join profile b on b.id = s.profile_b where s.id = ?", MergeSuggestionRepository::row, id);
    }

    /** Every suggestion (in any status) involving one of the profiles, oldest first. */
    public List<SuggestionRow> involving(java.util.Collection<UUID> profileIds) {
        if (profileIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new java.util.ArrayList<>(profileIds);
        params.addAll(profileIds);
        return jdbc.query("select s.id, s.profile_a, s.profile_b, a.customer_id as customer_a, b.customer_id as customer_b,"
                + " s.score, s.reasons, s.status, s.created_at from merge_suggestion s join profile a on a.id = s.profile_a"
                + " join profile b on b.id = s.profile_b where s.profile_a in (" + Jdbc.markers(profileIds.size()) + ") or s.profile_b in ("
                + Jdbc.markers(profileIds.size()) + ") order by s.created_at, s.id", MergeSuggestionRepository::row, params.toArray());
    }

    public void setStatus(UUID id, String status) {
        jdbc.update("update merge_suggestion set status = ? where id = ?", status, id);
    }

    /** Closes open suggestions between the profiles of two customers with the given status. */
    public void close(UUID customerA, UUID customerB, String status) {
        jdbc.update("update merge_suggestion set status = ? where status = 'open' and ("
                + "(profile_a in (select id from profile where customer_id = ?) and profile_b in (select id from profile where customer_id = ?))"
                + " or (profile_a in (select id from profile where customer_id = ?) and profile_b in (select id from profile where customer_id = ?)))",
                status, customerA, customerB, customerB, customerA);
    }

    private static SuggestionRow row(java.sql.ResultSet row) throws java.sql.SQLException {
        return new SuggestionRow(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "profile_a"), Jdbc.uuid(row, "profile_b"),
                Jdbc.uuid(row, "customer_a"), Jdbc.uuid(row, "customer_b"), row.getBigDecimal("score"),
                row.getString("reasons"), row.getString("status"), Jdbc.time(row, "created_at"));
    }
}
