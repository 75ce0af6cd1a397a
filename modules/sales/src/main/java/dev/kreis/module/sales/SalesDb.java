package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.spi.data.ModuleDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Plain JDBC over the platform's transaction-aware data source: statements join the caller's transaction.
 * SQL is portable between H2 (PostgreSQL mode) and PostgreSQL. Thread-safe.
 */
@ApplicationScoped
class SalesDb {

    /** A typed SQL NULL parameter (PostgreSQL needs the type). */
    record Null(int sqlType) {
    }

    static final Null NULL_UUID = new Null(Types.OTHER);
    static final Null NULL_TEXT = new Null(Types.VARCHAR);
    static final Null NULL_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    static final Null NULL_DATE = new Null(Types.DATE);
    static final Null NULL_DECIMAL = new Null(Types.NUMERIC);

    @Inject
    ModuleDataSource data;

    /** Set once the module's tables were seen; they are never dropped (a purge empties them). */
    private volatile boolean tablesSeen;

    /**
     * Whether the module's tables exist, i.e. it was installed at least once (its data may be kept after an uninstall).
     * Before the first install the platform still asks the module for exports and erasures; there is nothing then.
     */
    boolean tablesExist() {
        if (tablesSeen) {
            return true;
        }
        try (Connection connection = data.get().getConnection()) {
            for (String name : new String[] { "sal_lead", "SAL_LEAD" }) {
                try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] { "TABLE" })) {
                    while (tables.next()) {
                        if (tables.getString("TABLE_NAME").equalsIgnoreCase("sal_lead")) {
                            tablesSeen = true;
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new SalesDataException("table lookup", e);
        }
    }

    /** Runs an insert, update or delete; answers the number of rows changed. */
    int update(String sql, Object... params) {
        try (Connection connection = data.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new SalesDataException(sql, e);
        }
    }

    List<Row> query(String sql, Object... params) {
        try (Connection connection = data.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Row> out = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), read(rows, meta, i));
                    }
                    out.add(new Row(values));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new SalesDataException(sql, e);
        }
    }

    Optional<Row> one(String sql, Object... params) {
        List<Row> rows = query(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static Object read(ResultSet rows, ResultSetMetaData meta, int i) throws SQLException {
        switch (meta.getColumnType(i)) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP:
                OffsetDateTime time = rows.getObject(i, OffsetDateTime.class);
                return time == null ? null : time.toInstant();
            case Types.DATE:
                return rows.getObject(i, LocalDate.class);
            default:
                return rows.getObject(i);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            int index = i + 1;
            if (param instanceof Null typed) {
                statement.setNull(index, typed.sqlType());
            } else if (param instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (param instanceof BigDecimal decimal) {
                statement.setBigDecimal(index, decimal);
            } else if (param == null) {
                throw new IllegalArgumentException("untyped null parameter " + index + "; use a SalesDb.Null");
            } else {
                statement.setObject(index, param);
            }
        }
    }

    /** A value or its typed null. */
    static Object orNull(Object value, Null typedNull) {
        return value == null ? typedNull : value;
    }

    /** One result row, by lower-case column label. */
    record Row(Map<String, Object> values) {
        UUID uuid(String column) {
            Object value = values.get(column);
            return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
        }

        String text(String column) {
            Object value = values.get(column);
            return value == null ? null : value.toString();
        }

        BigDecimal decimal(String column) {
            Object value = values.get(column);
            return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        }

        Instant instant(String column) {
            return (Instant) values.get(column);
        }

        LocalDate date(String column) {
            return (LocalDate) values.get(column);
        }

        long number(String column) {
            Object value = values.get(column);
            return value == null ? 0 : ((Number) value).longValue();
        }

        boolean bool(String column) {
            return Boolean.TRUE.equals(values.get(column));
        }
    }

    /** A database failure; the platform answers it with 500. */
    static final class SalesDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SalesDataException(String sql, SQLException cause) {
            super("sales module SQL failed (" + cause.getSQLState() + "): " + sql, cause);
        }

        boolean isUniqueViolation() {
            return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
        }
    }

    /**
     * One page of {@code table}, newest first (by {@code created_at}, then id), of the rows whose columns equal
     * {@code equals} (null values are left out), each shown by {@code view}: the list answer of every sales list.
     */
    <T> Slice<T> newestFirst(String table, Map<String, Object> equals, String limit, String cursor, java.util.function.Function<Row, T> view) {
        int size = Pages.limit(limit);
        Pages.Position after = Pages.decode(cursor);
        StringBuilder sql = new StringBuilder("select * from " + table + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        equals.forEach((column, value) -> {
            if (value != null) {
                sql.append(" and ").append(column).append(" = ?");
                params.add(value);
            }
        });
        if (after != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            params.add(after.time());
            params.add(after.time());
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ").append(size + 1);
        List<Row> rows = query(sql.toString(), params.toArray());
        List<T> items = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(size, rows.size()))) {
            items.add(view.apply(row));
        }
        Row last = rows.size() > size ? rows.get(size - 1) : null;
        return new Slice<>(items, last == null ? null : Pages.encode(0, last.instant("created_at"), last.uuid("id")));
    }

    /** One page of a list and the cursor of the next (null on the last page). */
    record Slice<T>(List<T> items, String nextCursor) {
    }
}
