package dev.kreis.platform.sync.persistence;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per connection and object: the committed watermark, the page cursor of a pass under way, and the newest
 * modification time that pass has seen. A page's checkpoint is written after its records are stored.
 */
@ApplicationScoped
public class CursorRepository {
    private final Jdbc jdbc;

    CursorRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Where an object stands. */
    public record CursorRow(Optional<OffsetDateTime> watermark, Optional<String> pageCursor, Optional<OffsetDateTime> passMax,
            Optional<OffsetDateTime> lastStartedAt) {
        static final CursorRow NONE = new CursorRow(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public CursorRow find(UUID connectionId, String object) {
        return jdbc.queryOne("select watermark, page_cursor, pass_max, last_started_at from sync_cursor where connection_id = ? and object_name = ?",
                row -> new CursorRow(Optional.ofNullable(Jdbc.time(row, "watermark")), Optional.ofNullable(row.getString("page_cursor")),
                        Optional.ofNullable(Jdbc.time(row, "pass_max")), Optional.ofNullable(Jdbc.time(row, "last_started_at"))),
                connectionId, object).orElse(CursorRow.NONE);
    }

    private void ensure(UUID connectionId, String object) {
        jdbc.update("insert into sync_cursor (connection_id, object_name) select ?, ? where not exists"
                + " (select 1 from sync_cursor where connection_id = ? and object_name = ?)", connectionId, object, connectionId, object);
    }

    public void started(UUID connectionId, String object, OffsetDateTime at) {
        ensure(connectionId, object);
        jdbc.update("update sync_cursor set last_started_at = ? where connection_id = ? and object_name = ?", at, connectionId, object);
    }

    /** The checkpoint after a page: the cursor of the next page and the newest modification time seen so far. */
    public void checkpoint(UUID connectionId, String object, String nextCursor, OffsetDateTime passMax) {
        // One statement per page: the row exists once the pull has started, so it is made only when the update finds none.
        String update = "update sync_cursor set page_cursor = ?, pass_max = ? where connection_id = ? and object_name = ?";
        if (jdbc.update(update, nextCursor, passMax, connectionId, object) == 0) {
            ensure(connectionId, object);
            jdbc.update(update, nextCursor, passMax, connectionId, object);
        }
    }

    /** The pass is complete: the watermark moves to the newest modification time seen (kept if none was). */
    public void complete(UUID connectionId, String object, Optional<OffsetDateTime> passMax) {
        ensure(connectionId, object);
        jdbc.update("update sync_cursor set watermark = coalesce(?, watermark), page_cursor = null, pass_max = null"
                + " where connection_id = ? and object_name = ?", passMax.orElse(null), connectionId, object);
    }

    /** Forgets watermark and checkpoint: the next pull reads everything (full resync). */
    public void reset(UUID connectionId, String object) {
        jdbc.update("update sync_cursor set watermark = null, page_cursor = null, pass_max = null where connection_id = ? and object_name = ?",
                connectionId, object);
    }
}
