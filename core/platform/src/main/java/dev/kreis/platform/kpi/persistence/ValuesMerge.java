package dev.kreis.platform.kpi.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.kreis.platform.storage.Jdbc;

/**
 * Runs a {@code merge … using (values …)} statement over many rows, {@value #ROWS} rows per statement: the way the gap
 * cells and the tail sums add their differences, the same in PostgreSQL and H2.
 */
final class ValuesMerge {
    /** Rows per statement: at 7 parameters a row well below the drivers' limit of 32,767 parameters. */
    static final int ROWS = 2000;

    private ValuesMerge() {
    }

    /**
     * @param row       one row's markers, e.g. {@code (?, ?, ?)}
     * @param statement the statement around the comma-separated rows of a chunk
     */
    static void run(Jdbc jdbc, List<Object[]> rows, String row, UnaryOperator<String> statement) {
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
            StringBuilder values = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (Object[] one : chunk) {
                values.append(values.length() == 0 ? "" : ", ").append(row);
                params.addAll(List.of(one));
            }
            jdbc.update(statement.apply(values.toString()), params.toArray());
        }
    }
}
