package dev.kreis.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.security.persistence.UserAccountRepository;
import dev.kreis.platform.security.persistence.UserAccountRow;
import dev.kreis.platform.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Local accounts: create, change, remove, and the rules that keep an installation administrable. */
@ApplicationScoped
public class UserAccounts {
    private final UserAccountRepository accounts;
    private final SecurityConfig config;
    private final Clock clock;
    private final VerifiedCredentials verified;
    private final AuditLog audit;
    private final ApiTokens tokens;

    UserAccounts(UserAccountRepository accounts, SecurityConfig config, Clock clock, VerifiedCredentials verified, AuditLog audit,
            ApiTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
        this.verified = verified;
        this.audit = audit;
    }

    @Transactional
    public UserAccountRow create(AccountDraft draft, String actor) {
        if (accounts.findByUsername(draft.username()).isPresent()) {
            throw new ConflictProblem("An account with the username " + draft.username() + " exists already");
        }
        OffsetDateTime now = now();
        UserAccountRow row = new UserAccountRow(UUID.randomUUID(), draft.username(), draft.displayName().orElse(null),
                draft.email().orElse(null), hash(draft.password().orElseThrow()), draft.roles().orElseThrow(),
                draft.enabled().orElse(true), 0, null, null, now, now, now);
        try {
            accounts.insert(row);
        } catch (StorageException e) {
            throw new ConflictProblem("An account with the username " + draft.username() + " exists already");
        }
        audit.record(actor, "user.created", "user", row.id().toString(), null, audited(row));
        return row;
    }

    public Page<UserAccountRow> list(Cursor after, int limit) {
        return Page.of(accounts.page(after, limit + 1), limit, row -> Cursor.after(row.createdAt(), row.id()));
    }

    public UserAccountRow get(UUID id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundProblem("user", id));
    }

    /** Applies the fields present in the draft. An admin can't take away their own admin role or access. */
    @Transactional
    public UserAccountRow update(UUID id, AccountDraft draft, String actor) {
        UserAccountRow current = get(id);
        boolean wasAdmin = current.enabled() && current.roles().contains(Role.ADMIN);
        OffsetDateTime now = now();
        UserAccountRow changed = new UserAccountRow(current.id(), current.username(),
                draft.displayName().orElse(current.displayName()), draft.email().orElse(current.email()),
                draft.password().map(this::hash).orElse(current.passwordHash()), draft.roles().orElse(current.roles()),
                draft.enabled().orElse(current.enabled()),
                draft.unlock() ? 0 : current.failedAttempts(), draft.unlock() ? null : current.lockedUntil(),
                current.lastLoginAt(), draft.password().isPresent() ? now : current.passwordChangedAt(),
                current.createdAt(), now);
        boolean staysAdmin = changed.enabled() && changed.roles().contains(Role.ADMIN);
        if (wasAdmin && !staysAdmin) {
            if (current.username().equals(actor)) {
                throw new ConflictProblem("You cannot remove your own admin role or disable your own account");
            }
            if (accounts.countEnabledAdmins() <= 1) {
                throw new ConflictProblem("This is the last enabled admin account; make another admin first");
            }
        }
        accounts.update(changed);
        verified.forget(current.username());
        audit.record(actor, "user.updated", "user", id.toString(), audited(current), audited(changed));
        if (current.enabled() && !changed.enabled()) {
            tokens.revokeIssuedBy(id, actor, "the account " + current.username() + " that issued it was disabled");
        } else if (!changed.roles().containsAll(current.roles())) {
            tokens.reviewIssuedBy(id);
        }
        return changed;
    }

    @Transactional
    public UserAccountRow delete(UUID id, String actor) {
        UserAccountRow current = get(id);
        if (current.username().equals(actor)) {
            throw new ConflictProblem("You cannot delete your own account");
        }
        if (current.enabled() && current.roles().contains(Role.ADMIN) && accounts.countEnabledAdmins() <= 1) {
            throw new ConflictProblem("This is the last enabled admin account; make another admin first");
        }
        accounts.delete(id);
        verified.forget(current.username());
        audit.record(actor, "user.deleted", "user", id.toString(), audited(current), null);
        tokens.revokeIssuedBy(id, actor, "the account " + current.username() + " that issued it was deleted");
        return current;
    }

    public boolean empty() {
        return accounts.count() == 0;
    }

    /** What the audit log keeps of an account: never the password or its hash, only when it changed. */
    private static Map<String, Object> audited(UserAccountRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", row.username());
        view.put("displayName", row.displayName());
        view.put("email", row.email());
        view.put("roles", row.roles().stream().sorted().map(Role::key).toList());
        view.put("enabled", row.enabled());
        view.put("lockedUntil", row.lockedUntil() == null ? null : row.lockedUntil().toString());
        view.put("passwordChangedAt", row.passwordChangedAt().toString());
        return view;
    }

    private String hash(String password) {
        return PasswordHashes.hash(password, config);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
