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
