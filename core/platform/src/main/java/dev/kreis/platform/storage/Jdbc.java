package dev.kreis.platform.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Small, explicit SQL access on the active {@link Database}: parameters are bound positionally with
 * {@code setObject}, rows are mapped by a lambda. SQL failures surface as {@link StorageException}.
 */
@ApplicationScoped
public class Jdbc {
    private final Database database;

    Jdbc(Database database) {
        this.database = database;
    }

    /** Maps one row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work with a raw connection, for batches and dialect-specific statements. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... params) {
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs one statement for every parameter row as a JDBC batch. */
    public void batch(String sql, List<Object[]> rows) {
        batchCounts(sql, rows);
    }

    /** Runs one statement for every parameter row as a JDBC batch and answers each row's update count. */
    public int[] batchCounts(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    /**
     * Inserts the rows into the table: on PostgreSQL with one {@code COPY … FROM STDIN} (CSV), elsewhere as a JDBC batch of
     * inserts. For new rows only (a conflict fails the whole call, as a batch would); values as for {@code setObject}:
     * strings, numbers, booleans, UUIDs and {@link OffsetDateTime}s, {@code null} for NULL. One COPY carries what the driver
     * sends as several multi-row inserts (a sync page's 500 attribute rows: 1 statement instead of 5); PostgreSQL's own work
     * per row (indexes, foreign keys) stays the same.
     */
    public void insertAll(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns);
        if (kind() != DatabaseKind.POSTGRESQL) {
            batch("insert into " + table + " (" + names + ") values (" + markers(columns.size()) + ")", rows);
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 64 * columns.size());
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(table + ": " + row.length + " values for " + columns.size() + " columns");
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csvValue(csv, row[i]);
            }
            csv.append('\n');
        }
        byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        withConnection(connection -> {
            try {
                return connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " (" + names + ") from stdin (format csv)", new java.io.ByteArrayInputStream(bytes));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY into " + table + " failed", e);
            }
        });
    }

    /** One CSV field: NULL unquoted and empty, text in quotes (so an empty string stays one), times in UTC ISO form. */
    private static void csvValue(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof OffsetDateTime at) {
            csvTime(csv, at);
        } else if (value instanceof java.math.BigDecimal number) {
            csv.append(number.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean || value instanceof UUID) {
            csv.append(value);
        } else {
            csvQuoted(csv, value.toString());
        }
    }

    /** A time as a CSV field for COPY: in UTC, rounded half up to microseconds, as the driver does when it binds one. */
    public static StringBuilder csvTime(StringBuilder csv, OffsetDateTime at) {
        return csv.append(at.withOffsetSameInstant(ZoneOffset.UTC).plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /** A CSV field in quotes for COPY (an empty quoted field is an empty string; an unquoted empty one is NULL). */
    public static StringBuilder csvQuoted(StringBuilder csv, String value) {
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        return csv.append('"');
    }

    public <T> T withConnection(ConnectionWork<T> work) {
        try (Connection connection = database.connection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public DatabaseKind kind() {
        return database.kind();
    }

    public static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /** How many keys one IN list holds at most. */
    public static final int IN_LIST_CHUNK = 500;

    /** {@code work} applied to the keys {@link #IN_LIST_CHUNK} at a time (one IN list each), the results joined. */
    public static <K, T> List<T> inChunks(java.util.Collection<K> keys, java.util.function.Function<List<K>, List<T>> work) {
        List<K> all = new ArrayList<>(keys);
        List<T> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            result.addAll(work.apply(all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK))));
        }
        return result;
    }

    /** A comma-separated list of {@code n} parameter markers, for IN lists. */
    public static String markers(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
