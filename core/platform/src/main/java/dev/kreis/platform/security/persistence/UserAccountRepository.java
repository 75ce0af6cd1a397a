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
import java.util.function.BiFunction;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class UserAccountRepository {
    private static final String COLUMNS = "id, username, display_name, email, password_hash, roles, enabled, failed_attempts, "
            + "locked_until, last_login_at, password_changed_at, created_at, updated_at";

    private final Jdbc jdbc;

    UserAccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UserAccountRow row) {
        jdbc.update("insert into user_account (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                row.id(), row.username(), row.displayName(), row.email(), row.passwordHash(), RoleColumn.write(row.roles()),
                row.enabled(), row.failedAttempts(), row.lockedUntil(), row.lastLoginAt(), row.passwordChangedAt(),
                row.createdAt(), row.updatedAt());
    }

    public void update(UserAccountRow row) {
        jdbc.update("update user_account set display_name = ?, email = ?, password_hash = ?, roles = ?, enabled = ?, "
                + "failed_attempts = ?, locked_until = ?, password_changed_at = ?, updated_at = ? where id = ?",
                row.displayName(), row.email(), row.passwordHash(), RoleColumn.write(row.roles()), row.enabled(),
                row.failedAttempts(), row.lockedUntil(), row.passwordChangedAt(), row.updatedAt(), row.id());
    }

    public Optional<UserAccountRow> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from user_account where id = ?", UserAccountRepository::map, id);
    }

    public Optional<UserAccountRow> findByUsername(String username) {
        return jdbc.queryOne("select " + COLUMNS + " from user_account where username = ?", UserAccountRepository::map, username);
    }

    /** Oldest first, so a page's cursor stays valid while accounts are added. */
    public List<UserAccountRow> page(Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from user_account where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (after != null) {
            sql.append(" and (created_at > ? or (created_at = ? and id > ?))");
            params.add(after.time());
            params.add(after.time());
            params.add(after.id());
        }
        sql.append(" order by created_at, id limit ?");
        params.add(limit);
        return jdbc.query(sql.toString(), UserAccountRepository::map, params.toArray());
    }

    public long count() {
        return jdbc.queryOne("select count(*) from user_account", row -> row.getLong(1)).orElse(0L);
    }

    /** Enabled accounts holding the admin role, for the "never remove the last admin" rule. */
    public long countEnabledAdmins() {
        return jdbc.query("select roles from user_account where enabled = true", row -> row.getString(1)).stream()
                .filter(roles -> RoleColumn.read(roles).contains(dev.kreis.platform.security.Role.ADMIN)).count();
    }

    /**
     * Starts a password check: unless the account is locked at {@code now}, counts the attempt as a failure
     * in advance and, when that count reaches the lockout, locks the account at once — all in one
     * transaction holding the account's row, so concurrent attempts each see every attempt before them and
     * none is judged on a stale count. Answers the count including this attempt, or empty when locked.
     * A success then resets the count ({@link #recordSuccess}).
     */
    @Transactional
    public Optional<Integer> beginAttempt(UUID id, OffsetDateTime now, BiFunction<Integer, OffsetDateTime, OffsetDateTime> lockedUntil) {
        int counted = jdbc.update("update user_account set failed_attempts = failed_attempts + 1 "
                + "where id = ? and (locked_until is null or locked_until <= ?)", id, now);
        if (counted == 0) {
            return Optional.empty();
        }
        int failures = jdbc.queryOne("select failed_attempts from user_account where id = ?", row -> row.getInt(1), id).orElse(0);
        OffsetDateTime until = lockedUntil.apply(failures, now);
        if (until != null) {
            jdbc.update("update user_account set locked_until = ? where id = ?", until, id);
        }
        return Optional.of(failures);
    }

    public void recordSuccess(UUID id, OffsetDateTime at) {
        jdbc.update("update user_account set failed_attempts = 0, locked_until = null, last_login_at = ? where id = ?", at, id);
    }

    public boolean delete(UUID id) {
        return jdbc.update("delete from user_account where id = ?", id) == 1;
    }

    private static UserAccountRow map(ResultSet row) throws SQLException {
        return new UserAccountRow(uuid(row, "id"), row.getString("username"), row.getString("display_name"),
                row.getString("email"), row.getString("password_hash"), RoleColumn.read(row.getString("roles")),
                row.getBoolean("enabled"), row.getInt("failed_attempts"), time(row, "locked_until"),
                time(row, "last_login_at"), time(row, "password_changed_at"), time(row, "created_at"), time(row, "updated_at"));
    }
}
