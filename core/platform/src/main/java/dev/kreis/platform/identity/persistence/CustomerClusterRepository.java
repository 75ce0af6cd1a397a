package dev.kreis.platform.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer rows: one per cluster of profiles, kept (pointing at the survivor) after a merge. */
@ApplicationScoped
public class CustomerClusterRepository {
    private static final String COLUMNS = "id, kind, merged_into, created_at, updated_at";
    private final Jdbc jdbc;

    CustomerClusterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer row as stored. {@code mergedInto} is set once it was merged into another customer. */
    public record ClusterRow(UUID id, String kind, UUID mergedInto, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public boolean active() {
            return mergedInto == null;
        }
    }

    public ClusterRow create(String kind, OffsetDateTime now) {
        ClusterRow row = new ClusterRow(UUID.randomUUID(), kind, null, now, now);
        jdbc.update("insert into customer (id, kind, merged_into, created_at, updated_at) values (?, ?, null, ?, ?)",
                row.id(), kind, now, now);
        return row;
    }

    public Optional<ClusterRow> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from customer where id = ?", CustomerClusterRepository::row, id);
    }

    /** Locks the rows for the rest of the transaction, in id order to avoid deadlocks. */
    public List<ClusterRow> lock(Collection<UUID> ids) {
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        return jdbc.query("select " + COLUMNS + " from customer where id in (" + Jdbc.markers(sorted.size()) + ") order by id for update",
                CustomerClusterRepository::row, sorted.toArray());
    }

    /** The active customer an id stands for: itself, or the customer it was (transitively) merged into. */
    public Optional<ClusterRow> resolve(UUID id) {
        Optional<ClusterRow> row = find(id);
        for (int hops = 0; row.isPresent() && !row.get().active() && hops < 100; hops++) {
            row = find(row.get().mergedInto());
        }
        return row.filter(ClusterRow::active);
    }

    /** The customer and every customer merged into it, directly or through others. */
    public List<UUID> withMergedInto(UUID id) {
        List<UUID> all = new ArrayList<>(List.of(id));
        List<UUID> frontier = List.of(id);
        for (int hops = 0; !frontier.isEmpty() && hops < 100; hops++) {
            frontier = jdbc.query("select id from customer where merged_into in (" + Jdbc.markers(frontier.size()) + ")",
                    row -> Jdbc.uuid(row, "id"), frontier.toArray());
            all.addAll(frontier);
        }
        return all;
    }

    public void markMerged(UUID id, UUID into, OffsetDateTime now) {
        jdbc.update("update customer set merged_into = ?, updated_at = ? where id = ?", into, now, id);
    }

    public void revive(UUID id, OffsetDateTime now) {
        jdbc.update("update customer set merged_into = null, updated_at = ? where id = ?", now, id);
    }

    public void touch(UUID id, OffsetDateTime now) {
        jdbc.update("update customer set updated_at = ? where id = ?", now, id);
    }

    static ClusterRow row(ResultSet row) throws SQLException {
        return new ClusterRow(Jdbc.uuid(row, "id"), row.getString("kind"), Jdbc.uuid(row, "merged_into"),
                Jdbc.time(row, "created_at"), Jdbc.time(row, "updated_at"));
    }
}
