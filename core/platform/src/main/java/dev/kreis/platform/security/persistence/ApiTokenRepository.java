package dev.kreis.platform.security.persistence;

import static dev.kreis.platform.storage.Jdbc.time;
import static dev.kreis.platform.storage.Jdbc.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ApiTokenRepository {
    private static final String COLUMNS = "id, name, token_hash, token_hint, roles, created_by, created_at, expires_at, "
            + "last_used_at, revoked_at, created_by_account";

    private final Jdbc jdbc;

    ApiTokenRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiTokenRow row) {
        jdbc.update("insert into api_token (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?)", row.id(), row.name(),
                row.tokenHash(), row.hint(), RoleColumn.write(row.roles()), row.createdBy(), row.createdAt(),
                row.expiresAt(), row.lastUsedAt(), row.revokedAt(), row.createdByAccount());
    }

    public Optional<ApiTokenRow> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from api_token where id = ?", ApiTokenRepository::map, id);
    }

    public Optional<ApiTokenRow> findByHash(String hash) {
        return jdbc.queryOne("select " + COLUMNS + " from api_token where token_hash = ?", ApiTokenRepository::map, hash);
    }

    /** Newest first. */
    public List<ApiTokenRow> page(Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from api_token where 1 = 1");
        List<Object> params = new ArrayList<>();
        Cursor.appendBefore(before, "created_at", "id", sql, params);
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.query(sql.toString(), ApiTokenRepository::map, params.toArray());
    }

    /** Marks the token revoked; answers whether it was active until now. */
    public boolean revoke(UUID id, OffsetDateTime at) {
        return jdbc.update("update api_token set revoked_at = ? where id = ? and revoked_at is null", at, id) == 1;
    }

    /** The tokens issued by (or through) this account that are not revoked yet. */
    public List<ApiTokenRow> activeOf(UUID account) {
        return jdbc.query("select " + COLUMNS + " from api_token where created_by_account = ? and revoked_at is null",
                ApiTokenRepository::map, account);
    }

    /** Stores the last use, at most once per {@code resolution} so busy tokens don't write on every request. */
    public void touch(UUID id, OffsetDateTime at, OffsetDateTime notAfter) {
        jdbc.update("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                at, id, notAfter);
    }

    private static ApiTokenRow map(ResultSet row) throws SQLException {
        return new ApiTokenRow(uuid(row, "id"), row.getString("name"), row.getString("token_hash"),
                row.getString("token_hint"), RoleColumn.read(row.getString("roles")), row.getString("created_by"),
                time(row, "created_at"), time(row, "expires_at"), time(row, "last_used_at"), time(row, "revoked_at"),
                uuid(row, "created_by_account"));
    }
}
