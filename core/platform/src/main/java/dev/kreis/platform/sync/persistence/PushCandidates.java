package dev.kreis.platform.sync.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The connection's profiles whose customers changed since a time: what a push looks at. */
@ApplicationScoped
public class PushCandidates {
    private final Jdbc jdbc;

    PushCandidates(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A CRM profile and the customer it belongs to now. */
    public record Candidate(UUID profileId, UUID customerId, String recordId) {
    }

    /** Live (not deleted) profiles of the source and kind whose customer changed at or after {@code since}, by profile id after {@code after}. */
    public List<Candidate> page(String source, String kind, OffsetDateTime since, UUID after, int limit) {
        return page(source, kind, since, after, limit, false);
    }

    /**
     * As {@link #page(String, String, OffsetDateTime, UUID, int)}; with {@code orNewTouchpoints} also the profiles
     * whose customer received a touchpoint since then (a new NPS answer changes the CX fields pushed to the CRM).
     */
    public List<Candidate> page(String source, String kind, OffsetDateTime since, UUID after, int limit, boolean orNewTouchpoints) {
        String changed = orNewTouchpoints ? "(c.updated_at >= ? or exists (select 1 from profile q join touchpoint t on t.profile_id = q.id"
                + " where q.customer_id = p.customer_id and t.received_at >= ?))" : "c.updated_at >= ?";
        List<Object> params = new java.util.ArrayList<>(List.of(source, kind, since));
        if (orNewTouchpoints) {
            params.add(since);
        }
        params.add(after);
        return jdbc.query("select p.id, p.customer_id, p.external_id from profile p join customer c on c.id = p.customer_id"
                + " where p.source = ? and p.kind = ? and p.deleted_at is null and " + changed + " and p.id > ?"
                + " order by p.id fetch first " + limit + " rows only",
                row -> new Candidate(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), row.getString("external_id")),
                params.toArray());
    }

    /**
     * Active customers of the kind that changed at or after {@code since} and have no profile of the source
     * (they came from elsewhere), by id after {@code after}: the candidates for creating CRM records.
     */
    public List<UUID> withoutProfileOf(String source, String kind, OffsetDateTime since, UUID after, int limit) {
        return jdbc.query("select c.id from customer c where c.kind = ? and c.merged_into is null and c.updated_at >= ? and c.id > ?"
                + " and not exists (select 1 from profile p where p.customer_id = c.id and p.source = ?)"
                + " order by c.id fetch first " + limit + " rows only", row -> Jdbc.uuid(row, "id"), kind, since, after, source);
    }
}
