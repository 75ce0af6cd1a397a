package dev.kreis.module.support;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Binding and reading of the column types the module uses, the same on H2 and PostgreSQL. */
final class Jdbc {
    private Jdbc() {
    }

    static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(statement, i + 1, params.get(i));
        }
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof UUID || value instanceof OffsetDateTime) {
            statement.setObject(index, value);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass());
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    static Long longOrNull(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    static Boolean boolOrNull(ResultSet rows, String column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }

    /** A database failure the module cannot handle: the request fails with 500 and the transaction rolls back. */
    static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("support module: database access failed: " + e.getMessage(), e);
    }
}
