package dev.kreis.platform.sync.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.sync.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;

/** The dead letters of connections. */
@ApplicationScoped
public class DeadLetterRepository {
    private static final String COLUMNS = "id, connection_id, object_name, record_id, direction, payload, error_kind, error, attempts,"
            + " created_at, last_failed_at, last_run_id";
    private final Jdbc jdbc;

    DeadLetterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a failure of a record: the record's dead letter gets the attempts added and this failure as its
     * latest (direction, payload, error, time, and the run unless this one came from no run), or, without one,
     * the letter is inserted. Two runs or nodes failing on the same record at once leave one letter: the unique
     * key (connection, object, record) lets one insert win, and the other adds to it.
     */
    public void failed(DeadLetter letter) {
        // at most a few rounds: the update misses only a letter deleted (retried or given up) since the insert met it
        for (int round = 0; round < 3; round++) {
            if (addTo(letter) == 1) {
                return;
            }
            if (jdbc.update("insert into sync_dead_letter (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    letter.id(), letter.connectionId(), letter.object(), letter.recordId(), letter.direction(), letter.payload(),
                    letter.errorKind(), truncate(letter.error()), letter.attempts(), letter.createdAt(), letter.lastFailedAt(),
                    letter.lastRunId()) == 1) {
                return;
            }
        }
        throw new IllegalStateException("the dead letter of record " + letter.recordId() + " kept changing while it was recorded");
    }

    private int addTo(DeadLetter letter) {
        return jdbc.update("update sync_dead_letter set direction = ?, payload = ?, error_kind = ?, error = ?, attempts = attempts + ?,"
                + " last_failed_at = ?, last_run_id = coalesce(cast(? as uuid), last_run_id)"
                + " where connection_id = ? and object_name = ? and record_id = ?", letter.direction(), letter.payload(), letter.errorKind(),
                truncate(letter.error()), letter.attempts(), letter.lastFailedAt(), letter.lastRunId(), letter.connectionId(), letter.object(),
                letter.recordId());
    }

    public void failedAgain(UUID id, String errorKind, String error, OffsetDateTime at) {
        jdbc.update("update sync_dead_letter set attempts = attempts + 1, error_kind = ?, error = ?, last_failed_at = ? where id = ?",
                errorKind, truncate(error), at, id);
    }

    public Optional<DeadLetter> find(UUID connectionId, UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from sync_dead_letter where connection_id = ? and id = ?", DeadLetterRepository::row,
                connectionId, id);
    }

    /** Oldest first, after the given (createdAt, id) position. */
    public List<DeadLetter> page(UUID connectionId, Optional<DeadLetter> after, int limit) {
        if (after.isEmpty()) {
            return jdbc.query("select " + COLUMNS + " from sync_dead_letter where connection_id = ? order by created_at, id fetch first "
                    + limit + " rows only", DeadLetterRepository::row, connectionId);
        }
        return jdbc.query("select " + COLUMNS + " from sync_dead_letter where connection_id = ? and (created_at > ? or (created_at = ? and id > ?))"
                + " order by created_at, id fetch first " + limit + " rows only", DeadLetterRepository::row, connectionId,
                after.get().createdAt(), after.get().createdAt(), after.get().id());
    }

    /** The records of the object that have a dead letter whose latest failure was in the direction. */
    public Set<String> records(UUID connectionId, String object, String direction) {
        Set<String> records = new HashSet<>();
        jdbc.query("select record_id from sync_dead_letter where connection_id = ? and object_name = ? and direction = ?",
                row -> records.add(row.getString(1)), connectionId, object, direction);
        return records;
    }

    /** Deletes the letters of the records whose latest failure was in the direction; answers how many it deleted. */
    public int resolve(UUID connectionId, String object, String direction, Collection<String> recordIds) {
        List<String> ids = List.copyOf(recordIds);
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> params = new ArrayList<>(List.of(connectionId, object, direction));
            params.addAll(chunk);
            deleted += jdbc.update("delete from sync_dead_letter where connection_id = ? and object_name = ? and direction = ? and record_id in ("
                    + Jdbc.markers(chunk.size()) + ")", params.toArray());
        }
        return deleted;
    }

    public boolean delete(UUID connectionId, UUID id) {
        return jdbc.update("delete from sync_dead_letter where connection_id = ? and id = ?", connectionId, id) == 1;
    }

    private static DeadLetter row(ResultSet row) throws SQLException {
        return new DeadLetter(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "connection_id"), row.getString("object_name"), row.getString("record_id"),
                row.getString("direction"), row.getString("payload"), row.getString("error_kind"), row.getString("error"), row.getInt("attempts"),
                Jdbc.time(row, "created_at"), Jdbc.time(row, "last_failed_at"), Jdbc.uuid(row, "last_run_id"));
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
