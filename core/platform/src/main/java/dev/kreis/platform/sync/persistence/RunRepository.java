package dev.kreis.platform.sync.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.StorageException;
import dev.kreis.platform.sync.RunCounts;
import dev.kreis.platform.sync.SyncRun;
import dev.kreis.platform.sync.SyncRun.Status;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs and the per-connection lease that keeps one run at a time across nodes. */
@ApplicationScoped
public class RunRepository {
    private static final String COLUMNS = "id, connection_id, run_trigger, full_resync, status, started_at, ended_at, read_count,"
            + " created_count, updated_count, unchanged_count, pushed_count, failed_count, dead_count, resolved_count, last_error";
    private final Jdbc jdbc;

    RunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the connection's lease for {@code holder} if it is free or expired; answers whether it did. A
     * lease row is created on first use; of two nodes inserting it at once the second inserts nothing (PostgreSQL) or fails
     * on the primary key (H2).
     */
    public boolean acquireLease(UUID connectionId, String holder, UUID runId, OffsetDateTime now, OffsetDateTime until) {
        if (jdbc.update("update sync_lease set holder = ?, run_id = ?, expires_at = ? where connection_id = ? and expires_at <= ?",
                holder, runId, until, connectionId, now) == 1) {
            return true;
        }
        if (jdbc.kind() == dev.kreis.platform.storage.DatabaseKind.POSTGRESQL) {
            // a failed insert would abort the transaction on PostgreSQL, and the caller still reads in it (which run holds the
            // lease): the node that comes second waits for the first to commit and then inserts nothing
            return jdbc.update("insert into sync_lease (connection_id, holder, run_id, expires_at) values (?, ?, ?, ?)"
                    + " on conflict (connection_id) do nothing", connectionId, holder, runId, until) == 1;
        }
        try {
            return jdbc.update("insert into sync_lease (connection_id, holder, run_id, expires_at) select ?, ?, ?, ?"
                    + " where not exists (select 1 from sync_lease where connection_id = ?)", connectionId, holder, runId, until,
                    connectionId) == 1;
        } catch (StorageException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    /** Extends the lease while {@code holder} still has it; false means another node took it over. */
    public boolean renewLease(UUID connectionId, String holder, OffsetDateTime until) {
        return jdbc.update("update sync_lease set expires_at = ? where connection_id = ? and holder = ?", until, connectionId, holder) == 1;
    }

    public void releaseLease(UUID connectionId, String holder, OffsetDateTime now) {
        jdbc.update("update sync_lease set expires_at = ?, run_id = null where connection_id = ? and holder = ?", now, connectionId, holder);
    }

    /** The run holding the connection's unexpired lease, if any. */
    public Optional<UUID> leasedRun(UUID connectionId, OffsetDateTime now) {
        return jdbc.queryOne("select run_id from sync_lease where connection_id = ? and expires_at > ? and run_id is not null",
                row -> Jdbc.uuid(row, "run_id"), connectionId, now);
    }

    public void insert(UUID id, UUID connectionId, String trigger, boolean full, OffsetDateTime startedAt) {
        jdbc.update("insert into sync_run (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, null, 0, 0, 0, 0, 0, 0, 0, 0, null)", id, connectionId,
                trigger, full, Status.RUNNING.wire(), startedAt);
    }

    public void progress(UUID id, RunCounts counts, String lastError) {
        jdbc.update("update sync_run set read_count = ?, created_count = ?, updated_count = ?, unchanged_count = ?, pushed_count = ?,"
                + " failed_count = ?, dead_count = ?, resolved_count = ?, last_error = ? where id = ?", counts.read(), counts.created(),
                counts.updated(), counts.unchanged(), counts.pushed(), counts.failed(), counts.deadLettered(), counts.deadLettersResolved(),
                truncate(lastError), id);
    }

    public void finish(UUID id, Status status, RunCounts counts, String lastError, OffsetDateTime endedAt) {
        progress(id, counts, lastError);
        jdbc.update("update sync_run set status = ?, ended_at = ? where id = ?", status.wire(), endedAt, id);
    }

    /** Runs left {@code running} by a node that died: their lease expired. They end as failed. */
    public void failAbandoned(UUID connectionId, UUID except, OffsetDateTime now) {
        jdbc.update("update sync_run set status = ?, ended_at = ?, last_error = ? where connection_id = ? and status = ? and id <> ?",
                Status.FAILED.wire(), now, "the run stopped (node gone); the next run resumed from its last checkpoint", connectionId,
                Status.RUNNING.wire(), except);
    }

    public Optional<SyncRun> find(UUID connectionId, UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from sync_run where connection_id = ? and id = ?", RunRepository::row, connectionId, id);
    }

    /** The newest runs first. */
    public List<SyncRun> recent(UUID connectionId, int limit) {
        return jdbc.query("select " + COLUMNS + " from sync_run where connection_id = ? order by started_at desc, id desc"
                + " fetch first " + limit + " rows only", RunRepository::row, connectionId);
    }

    private static SyncRun row(ResultSet row) throws SQLException {
        return new SyncRun(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "connection_id"), row.getString("run_trigger"), row.getBoolean("full_resync"),
                Status.of(row.getString("status")), Jdbc.time(row, "started_at"), Jdbc.time(row, "ended_at"), row.getInt("read_count"),
                row.getInt("created_count"), row.getInt("updated_count"), row.getInt("unchanged_count"), row.getInt("pushed_count"),
                row.getInt("failed_count"), row.getInt("dead_count"), row.getInt("resolved_count"), row.getString("last_error"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
