package dev.kreis.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The app's KPI fold job, seen from scenarios that load touchpoints with COPY, past the app's ingest. */
final class KpiFold {
    private KpiFold() {
    }

    /**
     * Waits until the fold has every stored touchpoint in the day rollups and its watermark has reached the
     * last received one; logs progress every 15 s to stderr as {@code label}; answers the seconds it took.
     * Gives up after an hour.
     */
    static double awaitCaughtUp(Connection c, String label) throws Exception {
        long t0 = System.nanoTime();
        long total = scalar(c, "select count(*) from touchpoint");
        long lastLog = 0;
        double limit = Double.parseDouble(System.getenv().getOrDefault("KREIS_BENCH_FOLD_WAIT_S", "3600"));
        Double foldedAfter = null;
        while (true) {
            long folded = scalar(c, "select coalesce(sum(touchpoints), 0) from kpi_day_rollup");
            boolean caughtUp = folded == total && scalar(c,
                    "select count(*) from kpi_fold_state where watermark >= (select max(received_at) from touchpoint)") == 1;
            double s = (System.nanoTime() - t0) / 1e9;
            if (caughtUp && foldedAfter == null) {
                foldedAfter = s;
                log(label, "fold caught up: %,d touchpoints in the rollups after %.1f s", folded, s);
            }
            // the funnel's gap cells (ADR 0009), rebuilt after a fold over many days: the KPIs are measured once they are built
            if (caughtUp && scalar(c, "select count(*) from kpi_fold_state where gap_cells_built") == 1) {
                log(label, "gap cells built %.1f s after the fold caught up", s - foldedAfter);
                return s;
            }
            if (s > limit) {
                throw new IllegalStateException("fold did not catch up within " + limit + " s (KREIS_BENCH_FOLD_WAIT_S; " + folded + " of "
                        + total + ")");
            }
            if (s - lastLog >= 15) {
                lastLog = (long) s;
                log(label, "waiting for the fold: %,d of %,d touchpoints folded after %.0f s", folded, total, s);
            }
            Thread.sleep(500);
        }
    }

    private static void log(String label, String fmt, Object... a) {
        System.err.printf("  " + label + ": " + fmt + "%n", a);
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
