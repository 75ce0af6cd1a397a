package dev.kreis.platform.bulk.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Saved import mappings: a name and the spec (as JSON) it stands for. */
@ApplicationScoped
public class MappingRepository {
    private final Jdbc jdbc;

    MappingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved mapping as stored. */
    public record MappingRow(String name, String spec, String updatedBy, OffsetDateTime updatedAt) {
    }

    public Optional<MappingRow> find(String name) {
        return jdbc.queryOne("select name, spec, updated_by, updated_at from bulk_mapping where name = ?",
                r -> new MappingRow(r.getString("name"), r.getString("spec"), r.getString("updated_by"), Jdbc.time(r, "updated_at")), name);
    }

    public List<MappingRow> all() {
        return jdbc.query("select name, spec, updated_by, updated_at from bulk_mapping order by name",
                r -> new MappingRow(r.getString("name"), r.getString("spec"), r.getString("updated_by"), Jdbc.time(r, "updated_at")));
    }

    /** Saves the mapping; answers whether it was new. */
    public boolean save(MappingRow row) {
        if (jdbc.update("update bulk_mapping set spec = ?, updated_by = ?, updated_at = ? where name = ?", row.spec(), row.updatedBy(),
                row.updatedAt(), row.name()) == 1) {
            return false;
        }
        jdbc.update("insert into bulk_mapping (name, spec, updated_by, updated_at) values (?, ?, ?, ?)", row.name(), row.spec(),
                row.updatedBy(), row.updatedAt());
        return true;
    }

    public boolean delete(String name) {
        return jdbc.update("delete from bulk_mapping where name = ?", name) == 1;
    }
}
