package dev.kreis.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Step "copy": the raw PostgreSQL baseline for batch ingest. Exports the ingested touchpoint rows to
 * CSV, creates {@code bench_copy_target (like touchpoint including all)} with the same foreign key
 * to profile, checkpoints, and times one COPY of the file into it (one transaction, autocommit).
 * The table and the file are removed afterwards.
 */
final class CopyBaseline {
    static final String TABLE = "bench_copy_target";

    private CopyBaseline() {
    }

    static int run(Args args) throws Exception {
        Path csv = args.workDir().resolve("touchpoint.csv");
        Files.createDirectories(args.workDir());
        try (Connection c = DriverManager.getConnection(args.jdbcUrl())) {
            c.setAutoCommit(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long exported;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 20)) {
                exported = copy.copyOut("COPY (SELECT * FROM touchpoint) TO STDOUT (FORMAT csv)", out);
            }
            System.err.printf("copy: exported %,d touchpoint rows (%,d MB)%n", exported, Files.size(csv) >> 20);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
                s.execute("CREATE TABLE " + TABLE + " (LIKE touchpoint INCLUDING ALL)");
                s.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT " + TABLE
                        + "_profile_fk FOREIGN KEY (profile_id) REFERENCES profile (id)");
                // A partitioned touchpoint table (PostgreSQL, V1_80) keeps (source, external_id) unique in touchpoint_key,
                // so LIKE does not copy that constraint: the baseline gets it itself, the same work as before partitioning.
                s.execute("DO $$ BEGIN IF to_regclass('touchpoint_key') IS NOT NULL THEN ALTER TABLE " + TABLE + " ADD CONSTRAINT " + TABLE
                        + "_source_external UNIQUE (source, external_id); END IF; END $$");
                s.execute("CHECKPOINT");
            }
            long t0 = System.nanoTime();
            long copied;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 20)) {
                copied = copy.copyIn("COPY " + TABLE + " FROM STDIN (FORMAT csv)", in);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + TABLE);
            }

            Map<String, Object> f = new LinkedHashMap<>();
            f.put("copy_rows", copied);
            f.put("copy_csv_mb", Results.round(Files.size(csv) / 1048576.0, 1));
            f.put("copy_seconds", Results.round(seconds, 3));
            f.put("copy_per_s", Results.round(copied / seconds, 1));
            Fragment.write(args.workDir(), "copy", f);
            return copied == 0 ? 2 : 0;
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
