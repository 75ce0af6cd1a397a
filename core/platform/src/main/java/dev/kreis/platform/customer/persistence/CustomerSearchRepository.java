package dev.kreis.platform.customer.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.ReadJdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds active customers, newest first: all of them, or those with a profile whose name contains the
 * query or that carries one of the given identifier values exactly. Served by the read replica when one serves.
 */
@ApplicationScoped
public class CustomerSearchRepository {
    private final ReadJdbc jdbc;

    CustomerSearchRepository(ReadJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer found by search, before its golden record is derived. */
    public record Hit(UUID id, String kind, OffsetDateTime createdAt) {
    }

    /**
     * All active customers when {@code filtered} is false; otherwise those matching the name fragment
     * (if any) or carrying one of the identifier values (if any) — none when both are empty. A non-null
     * {@code kind} keeps customers of that kind, a non-null {@code source} those with a profile from it.
     */
    public List<Hit> search(boolean filtered, String nameFragment, List<String> identifierValues, String kind, String source,
            Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select c.id, c.kind, c.created_at from customer c where c.merged_into is null");
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            sql.append(" and c.kind = ?");
            params.add(kind);
        }
        if (source != null) {
            sql.append(" and exists (select 1 from profile s where s.customer_id = c.id and s.source = ?)");
            params.add(source);
        }
        if (filtered) {
            List<String> matches = new ArrayList<>();
            if (nameFragment != null) {
                matches.add("select p.customer_id from profile p where p.search_name like ? escape '\\'");
                params.add("%" + nameFragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (!identifierValues.isEmpty()) {
                matches.add("select p.customer_id from profile p join profile_identifier i on i.profile_id = p.id where i.id_value in ("
                        + Jdbc.markers(identifierValues.size()) + ")");
                params.addAll(identifierValues);
            }
            if (matches.isEmpty()) {
                return List.of();
            }
            sql.append(" and c.id in (").append(String.join(" union ", matches)).append(")");
        }
        Cursor.appendBefore(after, "c.created_at", "c.id", sql, params);
        sql.append(" order by c.created_at desc, c.id desc limit ").append(limit);
        return jdbc.query(sql.toString(), row -> new Hit(Jdbc.uuid(row, "id"), row.getString("kind"), Jdbc.time(row, "created_at")),
                params.toArray());
    }
}
