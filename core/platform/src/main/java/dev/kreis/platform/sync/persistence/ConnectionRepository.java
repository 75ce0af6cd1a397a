package dev.kreis.platform.sync.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Connection rows; credentials and settings are stored as given (credentials already encrypted). */
@ApplicationScoped
public class ConnectionRepository {
    private static final String COLUMNS = "id, connector, name, source, base_url, credentials, settings, created_at, updated_at";
    private final Jdbc jdbc;

    ConnectionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored connection; {@code credentials} is the ciphertext, {@code settings} JSON. */
    public record ConnectionRow(UUID id, String connector, String name, String source, String baseUrl, String credentials,
            String settings, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public void insert(ConnectionRow row) {
        jdbc.update("insert into sync_connection (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(), row.connector(),
                row.name(), row.source(), row.baseUrl(), row.credentials(), row.settings(), row.createdAt(), row.updatedAt());
    }

    public void update(ConnectionRow row) {
        jdbc.update("update sync_connection set name = ?, base_url = ?, credentials = ?, settings = ?, updated_at = ? where id = ?",
                row.name(), row.baseUrl(), row.credentials(), row.settings(), row.updatedAt(), row.id());
    }

    public Optional<ConnectionRow> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from sync_connection where id = ?", ConnectionRepository::row, id);
    }

    public Optional<ConnectionRow> lock(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from sync_connection where id = ? for update", ConnectionRepository::row, id);
    }

    public List<ConnectionRow> all() {
        return jdbc.query("select " + COLUMNS + " from sync_connection order by created_at, id", ConnectionRepository::row);
    }

    public boolean sourceTaken(String source) {
        return jdbc.queryOne("select 1 from sync_connection where source = ?", r -> 1, source).isPresent();
    }

    /** Deletes the connection and everything the engine kept about it (runs, cursors, dead letters, ...). */
    public void delete(UUID id) {
        for (String table : List.of("sync_cursor", "sync_run", "sync_lease", "sync_dead_letter", "sync_pushed_value", "sync_conflict",
                "sync_webhook_event")) {
            jdbc.update("delete from " + table + " where connection_id = ?", id);
        }
        jdbc.update("delete from sync_connection where id = ?", id);
    }

    private static ConnectionRow row(java.sql.ResultSet row) throws java.sql.SQLException {
        return new ConnectionRow(Jdbc.uuid(row, "id"), row.getString("connector"), row.getString("name"), row.getString("source"),
                row.getString("base_url"), row.getString("credentials"), row.getString("settings"), Jdbc.time(row, "created_at"),
                Jdbc.time(row, "updated_at"));
    }
}
