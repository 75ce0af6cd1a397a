package dev.kreis.platform.bulk.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import dev.kreis.platform.bulk.RowProblem;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Imports, their rejected rows and the leases nodes hold on them. */
@ApplicationScoped
public class ImportRepository {
    private static final String COLUMNS = "id, kind, source, dry_run, spec, file_name, file_path, file_bytes, status, rows_read, rows_created,"
            + " rows_updated, rows_unchanged, rows_rejected, chars_read, failure, created_by, created_at, started_at, finished_at,"
            + " worked_millis, lease_holder, lease_expires_at";

    private final Jdbc jdbc;

    ImportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ImportRow row) {
        jdbc.update("insert into bulk_import (id, kind, source, dry_run, spec, file_name, file_path, file_bytes, status, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(), row.kind(), row.source(), row.dryRun(), row.spec(), row.fileName(),
                row.filePath(), row.fileBytes(), row.status(), row.createdBy(), row.createdAt());
    }

    public Optional<ImportRow> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from bulk_import where id = ?", ImportRepository::row, id);
    }

    /** A page of imports, newest first, after the cursor's (created_at, id). */
    public List<ImportRow> list(OffsetDateTime beforeCreated, UUID beforeId, int limit) {
        if (beforeCreated == null) {
            return jdbc.query("select " + COLUMNS + " from bulk_import order by created_at desc, id desc limit " + limit, ImportRepository::row);
        }
        return jdbc.query("select " + COLUMNS + " from bulk_import where created_at < ? or (created_at = ? and id < ?)"
                + " order by created_at desc, id desc limit " + limit, ImportRepository::row, beforeCreated, beforeCreated, beforeId);
    }

    public long activeOf(String caller) {
        return jdbc.queryOne("select count(*) from bulk_import where created_by = ? and status in ('queued', 'running')",
                r -> r.getLong(1), caller).orElse(0L);
    }

    /** Imports a node may take: queued, or running under a lease that ran out (its node stopped), oldest first. */
    /** Who created the imports (not dry runs) that are queued or running, or ended at or after {@code since}. */
    public java.util.Set<String> creatorsWritingSince(OffsetDateTime since) {
        return new java.util.HashSet<>(jdbc.query("select distinct created_by from bulk_import where dry_run = false"
                + " and (status in ('queued', 'running') or finished_at >= ?)", r -> r.getString("created_by"), since));
    }

    public List<UUID> claimable(OffsetDateTime now, int limit) {
        return jdbc.query("select id from bulk_import where status = 'queued' or (status = 'running' and lease_expires_at < ?)"
                + " order by created_at, id limit " + limit, r -> Jdbc.uuid(r, "id"), now);
    }

    /** Takes the import for {@code holder} unless another node holds a live lease on it; answers whether it did. */
    public boolean claim(UUID id, String holder, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.update("update bulk_import set status = 'running', lease_holder = ?, lease_expires_at = ?,"
                + " started_at = coalesce(started_at, ?) where id = ? and (status = 'queued' or (status = 'running' and lease_expires_at < ?))",
                holder, until, now, id, now) == 1;
    }

    /**
     * Adds a chunk's counts and renews the lease, if the holder still holds it and the import still runs;
     * answers false otherwise (cancelled, or taken over), and the caller must then roll back or stop.
     */
    public boolean progress(UUID id, String holder, ImportRow.Counts chunk, long charsRead, long millis, OffsetDateTime until) {
        return jdbc.update("update bulk_import set rows_read = rows_read + ?, rows_created = rows_created + ?, rows_updated = rows_updated + ?,"
                + " rows_unchanged = rows_unchanged + ?, rows_rejected = rows_rejected + ?, chars_read = ?, worked_millis = worked_millis + ?,"
                + " lease_expires_at = ? where id = ? and lease_holder = ? and status = 'running'",
                chunk.read(), chunk.created(), chunk.updated(), chunk.unchanged(), chunk.rejected(), charsRead, millis, until, id, holder) == 1;
    }

    /** Starts a dry run over: it wrote nothing, so a resumed one counts from the first row again. */
    public void restartCounts(UUID id) {
        jdbc.update("update bulk_import set rows_read = 0, rows_created = 0, rows_updated = 0, rows_unchanged = 0, rows_rejected = 0,"
                + " chars_read = 0 where id = ?", id);
        jdbc.update("delete from bulk_import_error where import_id = ?", id);
    }

    /** Ends the import the holder works on; answers false if it was cancelled (or taken over) meanwhile. */
    public boolean finish(UUID id, String holder, String status, String failure, OffsetDateTime now) {
        return jdbc.update("update bulk_import set status = ?, failure = ?, finished_at = ?, lease_holder = null, lease_expires_at = null"
                + " where id = ? and lease_holder = ? and status = 'running'", status, failure, now, id, holder) == 1;
    }

    /** Cancels a queued or running import; answers whether it was one. */
    public boolean cancel(UUID id, OffsetDateTime now) {
        return jdbc.update("update bulk_import set status = 'cancelled', finished_at = ?, lease_holder = null, lease_expires_at = null"
                + " where id = ? and status in ('queued', 'running')", now, id) == 1;
    }

    public void addErrors(UUID id, List<RowProblem> problems) {
        jdbc.batch("insert into bulk_import_error (import_id, row_number, column_name, message, original_row) values (?, ?, ?, ?, ?)",
                problems.stream().map(p -> new Object[] { id, p.row(), p.column(), truncate(p.message(), 1000), p.original() }).toList());
    }

    public long errorCount(UUID id) {
        return jdbc.queryOne("select count(*) from bulk_import_error where import_id = ?", r -> r.getLong(1), id).orElse(0L);
    }

    /** Every rejected row in row order, handed to {@code each} one page at a time so none is held all at once. */
    public void errors(UUID id, Consumer<RowProblem> each) {
        long after = 0;
        for (;;) {
            List<RowProblem> page = jdbc.query("select row_number, column_name, message, original_row from bulk_import_error"
                    + " where import_id = ? and row_number > ? order by row_number limit 1000", r -> new RowProblem(r.getLong("row_number"), 0,
                            r.getString("column_name"), r.getString("message"), r.getString("original_row")), id, after);
            page.forEach(each);
            if (page.size() < 1000) {
                return;
            }
            after = page.get(page.size() - 1).row();
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    static ImportRow row(ResultSet r) throws SQLException {
        return new ImportRow(Jdbc.uuid(r, "id"), r.getString("kind"), r.getString("source"), r.getBoolean("dry_run"), r.getString("spec"),
                r.getString("file_name"), r.getString("file_path"), r.getLong("file_bytes"), r.getString("status"),
                new ImportRow.Counts(r.getLong("rows_read"), r.getLong("rows_created"), r.getLong("rows_updated"), r.getLong("rows_unchanged"),
                        r.getLong("rows_rejected")),
                r.getLong("chars_read"), r.getString("failure"), r.getString("created_by"), Jdbc.time(r, "created_at"),
                Jdbc.time(r, "started_at"), Jdbc.time(r, "finished_at"), r.getLong("worked_millis"), r.getString("lease_holder"),
                Jdbc.time(r, "lease_expires_at"));
    }
}
