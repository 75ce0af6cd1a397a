package dev.kreis.platform.touchpoint.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The PostgreSQL batch insert of touchpoints: the rows are sent with {@code COPY} (the JDBC driver's
 * CopyManager, CSV) into a temporary staging table, then one statement stores the idempotency keys that
 * are new ({@code touchpoint_key}, conflicts skipped) and the touchpoints whose key it stored; a second
 * one reads the stored id of every row that was skipped. Runs on the caller's connection, inside its
 * transaction: nothing of a batch is visible before it commits, and a failure leaves nothing behind.
 */
@ApplicationScoped
public class TouchpointCopy {
    /** Staging rows live until the transaction ends; {@code ord} keeps the order the rows were sent in. */
    private static final String STAGING = "create temporary table if not exists touchpoint_staging (ord integer not null,"
            + " id uuid not null, profile_id uuid not null, source varchar(100) not null, external_id varchar(255) not null,"
            + " type varchar(100) not null, module varchar(64) not null, channel varchar(16) not null, phase varchar(16) not null,"
            + " initiator varchar(16) not null, occurred_at timestamp with time zone not null,"
            + " received_at timestamp with time zone not null, score numeric(6, 3), amount numeric(19, 4), currency varchar(3),"
            + " payload text) on commit delete rows";
    private static final String COLUMNS = "id, profile_id, source, external_id, type, module, channel, phase, initiator, occurred_at,"
            + " received_at, score, amount, currency, payload";
    /**
     * Keys in key order (so concurrent batches lock them in the same order and cannot deadlock), the first
     * row of equal keys in the batch winning; then the touchpoints whose key was stored.
     */
    private static final String INSERT = "with k as (insert into touchpoint_key (source, external_id, id)"
            + " select source, external_id, id from (select distinct on (source, external_id) source, external_id, id from touchpoint_staging"
            + " order by source, external_id, ord) first order by source, external_id on conflict do nothing returning id)"
            + " insert into touchpoint (" + COLUMNS + ") select " + COLUMNS + " from touchpoint_staging s where s.id in (select id from k)"
            + " returning id";
    private static final String SKIPPED = "select s.id as row_id, k.id as stored_id from touchpoint_staging s join touchpoint_key k"
            + " on k.source = s.source and k.external_id = s.external_id where s.id <> k.id";

    private final Jdbc jdbc;

    TouchpointCopy(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a batch insert did: the ids of the rows stored, and for every row skipped the id of the
     * touchpoint already holding its (source, externalId) — stored before or earlier in the batch.
     */
    public record Outcome(Set<UUID> inserted, Map<UUID, UUID> skipped) {
    }

    /** Inserts the rows whose (source, externalId) is not stored yet; call inside a transaction. */
    public Outcome insertNew(List<StoredTouchpoint> rows) {
        if (rows.isEmpty()) {
            return new Outcome(Set.of(), Map.of());
        }
        return jdbc.withConnection(connection -> {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("a COPY batch insert must run inside a transaction (its staging rows end with it)");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(STAGING);
            }
            copy(connection, rows);
            Set<UUID> inserted = new HashSet<>(rows.size() * 2);
            try (PreparedStatement statement = connection.prepareStatement(INSERT); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getObject(1, UUID.class));
                }
            }
            Map<UUID, UUID> skipped = new HashMap<>();
            if (inserted.size() < rows.size()) {
                try (PreparedStatement statement = connection.prepareStatement(SKIPPED); ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        skipped.put(result.getObject("row_id", UUID.class), result.getObject("stored_id", UUID.class));
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("truncate touchpoint_staging");
            }
            return new Outcome(inserted, skipped);
        });
    }

    private static void copy(Connection connection, List<StoredTouchpoint> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 256);
        int ord = 0;
        for (StoredTouchpoint t : rows) {
            csv.append(ord++).append(',').append(t.id()).append(',').append(t.profileId()).append(',');
            quoted(csv, t.source()).append(',');
            quoted(csv, t.externalId()).append(',');
            quoted(csv, t.type()).append(',');
            quoted(csv, t.module()).append(',');
            quoted(csv, t.channel()).append(',');
            quoted(csv, t.phase()).append(',');
            quoted(csv, t.initiator()).append(',');
            time(csv, t.occurredAt()).append(',');
            time(csv, t.receivedAt()).append(',');
            number(csv, t.score()).append(',');
            number(csv, t.amount()).append(',');
            if (t.currency() != null) {
                quoted(csv, t.currency());
            }
            csv.append(',');
            if (t.payload() != null) {
                quoted(csv, t.payload());
            }
            csv.append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy touchpoint_staging (ord, " + COLUMNS
                    + ") from stdin (format csv)", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY into touchpoint_staging failed", e);
        }
    }

    private static StringBuilder quoted(StringBuilder csv, String value) {
        return Jdbc.csvQuoted(csv, value);
    }

    private static StringBuilder time(StringBuilder csv, OffsetDateTime at) {
        return Jdbc.csvTime(csv, at);
    }

    private static StringBuilder number(StringBuilder csv, BigDecimal value) {
        return value == null ? csv : csv.append(value.toPlainString());
    }
}
