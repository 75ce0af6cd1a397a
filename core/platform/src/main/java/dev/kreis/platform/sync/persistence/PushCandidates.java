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
        return jdbc.query("select p.id, p.customer_id, p.external_id from profile p join customer c on c.id = p.customer_id"
                + " where p.source = ? and p.kind = ? and p.deleted_at is null and c.updated_at >= ? and p.id > ?"
                + " order by p.id fetch first " + limit + " rows only",
                row -> new Candidate(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), row.getString("external_id")),
                source, kind, since, after);
    }
}
