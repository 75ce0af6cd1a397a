package dev.kreis.platform.touchpoint.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.storage.DatabaseKind;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.ReadJdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Touchpoint rows: the idempotency check, bulk insert and the timeline query. */
@ApplicationScoped
public class TouchpointRepository {
    private static final int IN_CHUNK = 500;
    private static final String COLUMNS = "t.id, t.profile_id, t.source, t.external_id, t.type, t.module, t.channel, t.phase,"
            + " t.initiator, t.occurred_at, t.received_at, t.score, t.amount, t.currency, t.payload";

    private final Jdbc jdbc;
    private final TouchpointCopy copy;
    private final ReadJdbc reads;

    TouchpointRepository(Jdbc jdbc, TouchpointCopy copy, ReadJdbc reads) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.reads = reads;
    }

    /** The ids of already stored touchpoints among the given (source → external ids) keys. */
    public Map<String, UUID> existing(Map<String, List<String>> externalIdsBySource) {
        Map<String, UUID> found = new HashMap<>();
        externalIdsBySource.forEach((source, externalIds) -> {
            for (int from = 0; from < externalIds.size(); from += IN_CHUNK) {
                List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + IN_CHUNK));
                List<Object> params = new ArrayList<>();
                params.add(source);
                params.addAll(chunk);
                jdbc.query("select external_id, id from " + keyTable() + " where source = ? and external_id in (" + Jdbc.markers(chunk.size()) + ")",
                        row -> found.put(key(source, row.getString("external_id")), Jdbc.uuid(row, "id")), params.toArray());
            }
        });
        return found;
    }

    /**
     * Where (source, externalId) is unique: on PostgreSQL the table {@code touchpoint_key}, since the
     * partitioned touchpoint table cannot hold a unique constraint without its partition key (V1_80).
     */
    private String keyTable() {
        return jdbc.kind() == DatabaseKind.POSTGRESQL ? "touchpoint_key" : "touchpoint";
    }

    private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = "insert into touchpoint (id, profile_id, source, external_id, type, module, channel, phase,"
            + " initiator, occurred_at, received_at, score, amount, currency, payload) values " + VALUES;
    /** 15 parameters a row; PostgreSQL's protocol allows 32,767 parameters in one statement. */
    static final int ROWS_PER_STATEMENT = 1000;

    /**
     * Inserts touchpoints whose (source, externalId) the caller found new. On PostgreSQL the rows go
     * through {@link TouchpointCopy} (COPY into a staging table, one set-based insert); a key stored
     * meanwhile by someone else fails the statement as a unique violation, as on H2.
     */
    public void insert(List<StoredTouchpoint> touchpoints) {
        if (jdbc.kind() == DatabaseKind.POSTGRESQL) {
            TouchpointCopy.Outcome outcome = copy.insertNew(touchpoints);
            if (outcome.inserted().size() != touchpoints.size()) {
                throw new dev.kreis.platform.storage.StorageException(new java.sql.SQLException(
                        "duplicate key value violates unique constraint \"touchpoint_key_pk\"", "23505"));
            }
            return;
        }
        jdbc.batch(INSERT, touchpoints.stream().map(TouchpointRepository::values).toList());
    }

    /**
     * Inserts one touchpoint unless (source, externalId) is stored already, in one statement; answers
     * whether it was inserted. The conflict has no target because H2 accepts none; with a fresh id the
     * only key that can conflict is (source, external_id).
     */
    public boolean insertIfAbsent(StoredTouchpoint touchpoint) {
        if (jdbc.kind() == DatabaseKind.POSTGRESQL) {
            return !insertAbsent(List.of(touchpoint)).isEmpty();
        }
        return jdbc.update(INSERT + " on conflict do nothing", values(touchpoint)) == 1;
    }

    /** One row of a VALUES list, typed, so NULLs and the CTE below keep the columns' types. */
    private static final String TYPED_VALUES = "(cast(? as uuid), cast(? as uuid), cast(? as varchar), cast(? as varchar), cast(? as varchar),"
            + " cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as timestamptz),"
            + " cast(? as timestamptz), cast(? as numeric), cast(? as numeric), cast(? as varchar), cast(? as text))";
    private static final String CTE_COLUMNS = "id, profile_id, source, external_id, type, module, channel, phase, initiator, occurred_at,"
            + " received_at, score, amount, currency, payload";

    /**
     * Inserts each touchpoint unless its (source, externalId) is stored already — or comes earlier in
     * the list — and answers the ids of those inserted. Each row is inserted or skipped on its own: on
     * PostgreSQL in one statement for up to {@value #ROWS_PER_STATEMENT} rows (one round trip), on H2
     * as a JDBC batch. Used for touchpoints sent one per request and written as a group.
     */
    public Set<UUID> insertAbsent(List<StoredTouchpoint> touchpoints) {
        Set<UUID> inserted = new HashSet<>();
        if (jdbc.kind() != DatabaseKind.POSTGRESQL) {
            int[] counts = jdbc.batchCounts(INSERT + " on conflict do nothing", touchpoints.stream().map(TouchpointRepository::values).toList());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    inserted.add(touchpoints.get(i).id());
                }
            }
            return inserted;
        }
        for (int from = 0; from < touchpoints.size(); from += ROWS_PER_STATEMENT) {
            List<StoredTouchpoint> chunk = touchpoints.subList(from, Math.min(touchpoints.size(), from + ROWS_PER_STATEMENT));
            // The key first (the first of equal keys in the list wins), then the rows whose key was new, in one statement.
            StringBuilder sql = new StringBuilder("with v (" + CTE_COLUMNS + ") as (values ");
            List<Object> params = new ArrayList<>(chunk.size() * 15);
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(TYPED_VALUES);
                params.addAll(Arrays.asList(values(chunk.get(i))));
            }
            sql.append("), k as (insert into touchpoint_key (source, external_id, id) select source, external_id, id from v")
                    .append(" on conflict do nothing returning id)")
                    .append(" insert into touchpoint (" + CTE_COLUMNS + ") select v.* from v join k on k.id = v.id returning id");
            jdbc.query(sql.toString(), row -> inserted.add(Jdbc.uuid(row, "id")), params.toArray());
        }
        return inserted;
    }

    private static Object[] values(StoredTouchpoint t) {
        return new Object[] { t.id(), t.profileId(), t.source(), t.externalId(), t.type(), t.module(), t.channel(), t.phase(),
                t.initiator(), t.occurredAt(), t.receivedAt(), t.score(), t.amount(), t.currency(), t.payload() };
    }

    /** Filters of a timeline; {@code null} means "any". {@code from} is inclusive, {@code to} exclusive. */
    public record TimelineFilter(String channel, String module, String type, String phase, OffsetDateTime from, OffsetDateTime to) {
    }

    /** Touchpoints of a customer's profiles, newest first, after the cursor position; served by the read replica when one serves. */
    public List<StoredTouchpoint> timeline(UUID customerId, TimelineFilter filter, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from touchpoint t where t.profile_id in"
                + " (select p.id from profile p where p.customer_id = ?)");
        List<Object> params = new ArrayList<>();
        params.add(customerId);
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put("channel", filter.channel());
        equals.put("module", filter.module());
        equals.put("type", filter.type());
        equals.put("phase", filter.phase());
        equals.forEach((column, value) -> {
            if (value != null) {
                sql.append(" and t.").append(column).append(" = ?");
                params.add(value);
            }
        });
        if (filter.from() != null) {
            sql.append(" and t.occurred_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and t.occurred_at < ?");
            params.add(filter.to());
        }
        Cursor.appendBefore(after, "t.occurred_at", "t.id", sql, params);
        sql.append(" order by t.occurred_at desc, t.id desc limit ").append(limit);
        return reads.query(sql.toString(), TouchpointRepository::row, params.toArray());
    }

    public static String key(String source, String externalId) {
        return source + "\u0000" + externalId;
    }

    static StoredTouchpoint row(ResultSet row) throws SQLException {
        return new StoredTouchpoint(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "profile_id"), row.getString("source"),
                row.getString("external_id"), row.getString("type"), row.getString("module"), row.getString("channel"),
                row.getString("phase"), row.getString("initiator"), Jdbc.time(row, "occurred_at"), Jdbc.time(row, "received_at"),
                row.getBigDecimal("score"), row.getBigDecimal("amount"), row.getString("currency"), row.getString("payload"));
    }
}
