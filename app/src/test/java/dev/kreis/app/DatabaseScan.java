package dev.kreis.app;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.kreis.platform.storage.Jdbc;

/**
 * Searches every text column of every table in the application's schema for a value, reading the tables
 * from the database's metadata, so a table added later is searched without changing the test.
 */
final class DatabaseScan {
    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    private DatabaseScan() {
    }

    /** A text column, as {@code table.column}. */
    record Column(String table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    static List<Column> textColumns(Jdbc jdbc) {
        return jdbc.withConnection(connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            List<Column> columns = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(null, null, "%", "%")) {
                while (rows.next()) {
                    String schema = rows.getString("TABLE_SCHEM");
                    if (schema == null || !schema.toLowerCase(Locale.ROOT).equals("public") || !TEXT.contains(rows.getInt("DATA_TYPE"))) {
                        continue;
                    }
                    columns.add(new Column(rows.getString("TABLE_NAME"), rows.getString("COLUMN_NAME")));
                }
            }
            return columns;
        });
    }

    /** The columns holding {@code needle} (ignoring case) in at least one row. */
    static List<Column> find(Jdbc jdbc, List<Column> columns, String needle) {
        List<Column> hits = new ArrayList<>();
        String pattern = "%" + needle.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        for (Column column : columns) {
            long n = jdbc.queryOne("select count(*) as n from " + column.table() + " where lower(cast(" + column.column()
                    + " as varchar)) like ? escape '\\'", row -> row.getLong("n"), pattern).orElse(0L);
            if (n > 0) {
                hits.add(column);
            }
        }
        return hits;
    }
}
