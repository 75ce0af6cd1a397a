package dev.kreis.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.security.persistence.ApiTokenRepository;
import dev.kreis.platform.security.persistence.ApiTokenRow;
import dev.kreis.platform.security.persistence.UserAccountRepository;
import dev.kreis.platform.security.persistence.UserAccountRow;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * API tokens for machines and scripts. The secret ({@link Secrets}) is shown once when issued and stored
 * only as its SHA-256. A request looks the hash up in the database unless this node verified the same
 * token less than {@code kreis.security.api-token-cache} (1 s) ago; a revocation therefore takes effect
 * on the next request on the node that revoked and within that time on every other node. Expiry is
 * checked on every request. Only usable tokens are remembered, at most
 * {@code kreis.security.memory.verified-tokens} of them ({@link VerifiedTokens}).
 * <p>
 * A token acts with at most the permissions its creator holds now: the local account that issued it
 * (or issued the token that issued it). Each of its roles whose permissions that account no longer
 * holds is dropped when the token is looked up; when the account is disabled or deleted its tokens are
 * revoked, and the audit log says why.
 */
@ApplicationScoped
public class ApiTokens {
    /** Every token starts with this, so a token found in a log or repository is recognisable. */
    public static final String PREFIX = "kreis_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final AuditLog audit;
    private final long cacheNanos;
    /** Recently verified usable tokens by the hash of their secret. */
    private final VerifiedTokens verified;

    private final TransactionSynchronizationRegistry transactions;
    private final UserAccountRepository accounts;
    private final SecurityIdentity caller;

    ApiTokens(ApiTokenRepository tokens, Clock clock, AuditLog audit, SecurityConfig config, TransactionSynchronizationRegistry transactions,
            UserAccountRepository accounts, SecurityIdentity caller) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.caller = caller;
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
        this.cacheNanos = config.apiTokenCache().toNanos();
        this.verified = new VerifiedTokens(config.memory().verifiedTokens());
    }

    /** A token and its secret; the secret exists only in this object. */
    public record Issued(ApiTokenRow token, String secret) {
    }

    /** Issues a token on behalf of the current caller, whose account then bounds what the token may do. */
    @Transactional
    public Issued issue(String name, Set<Role> roles, OffsetDateTime expiresAt, String createdBy) {
        String secret = Secrets.generate(PREFIX);
        ApiTokenRow row = new ApiTokenRow(UUID.randomUUID(), name, Secrets.hash(secret), secret.substring(secret.length() - 4),
                roles, createdBy, OffsetDateTime.now(clock), expiresAt, null, null, callerAccount());
        tokens.insert(row);
        audit.record(createdBy, "token.issued", "token", row.id().toString(), null, audited(row));
        return new Issued(row, secret);
    }

    public Page<ApiTokenRow> list(Cursor before, int limit) {
        return Page.of(tokens.page(before, limit + 1), limit, row -> Cursor.after(row.createdAt(), row.id()));
    }

    public ApiTokenRow get(UUID id) {
        return tokens.find(id).orElseThrow(() -> new NotFoundProblem("API token", id));
    }

    /** Revokes the token; revoking a revoked token changes nothing. Answers the token as it was before. */
    @Transactional
    public ApiTokenRow revoke(UUID id, String actor) {
        ApiTokenRow token = get(id);
        forgetNowAndOnCommit(remembered -> remembered.id().equals(id));
        if (tokens.revoke(id, OffsetDateTime.now(clock))) {
            audit.record(actor, "token.revoked", "token", id.toString(), audited(token), null);
        }
        return token;
    }

    /**
     * Revokes every active token the account issued (directly or through its tokens), each audited with
     * {@code reason}: for an account that is disabled or deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeIssuedBy(UUID account, String actor, String reason) {
        forgetNowAndOnCommit(remembered -> account.equals(remembered.createdByAccount()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ApiTokenRow token : tokens.activeOf(account)) {
            if (tokens.revoke(token.id(), now)) {
                audit.record(actor, "token.revoked", "token", token.id().toString(), audited(token), Map.of("reason", reason));
            }
        }
    }

    /** Makes this node look the account's tokens up again at their next use: after a change to the account's roles. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewIssuedBy(UUID account) {
        forgetNowAndOnCommit(remembered -> account.equals(remembered.createdByAccount()));
    }

    /** Forgets the matching verified tokens now and again once the transaction ends, in case a request verified one in between. */
    private void forgetNowAndOnCommit(java.util.function.Predicate<ApiTokenRow> which) {
        verified.forgetIf(which);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                verified.forgetIf(which);
            }
        });
    }

    /** The local account behind the caller: its own, or the account that issued the token it came with. */
    private UUID callerAccount() {
        String subject = caller.getAttribute(KreisIdentities.SUBJECT_ID);
        if (subject == null) {
            return null;
        }
        return switch (String.valueOf((Object) caller.getAttribute(KreisIdentities.AUTHENTICATED_BY))) {
            case "basic" -> UUID.fromString(subject);
            case "token" -> tokens.find(UUID.fromString(subject)).map(ApiTokenRow::createdByAccount).orElse(null);
            default -> null;
        };
    }

    /**
     * The token as it may act now: empty when its creator's account is gone or disabled, else with only
     * the roles whose permissions that account holds. A token without a local creator keeps its roles.
     */
    private Optional<ApiTokenRow> boundByCreator(ApiTokenRow token) {
        if (token.createdByAccount() == null) {
            return Optional.of(token);
        }
        return accounts.find(token.createdByAccount()).filter(UserAccountRow::enabled).map(account -> {
            Set<String> held = Capability.permissionsOf(account.roles());
            Set<Role> kept = EnumSet.noneOf(Role.class);
            token.roles().stream().filter(role -> held.containsAll(Capability.permissionsOf(Set.of(role)))).forEach(kept::add);
            return token.withRoles(kept);
        });
    }

    /** What the audit log keeps of a token: never its secret or hash. */
    private static Map<String, Object> audited(ApiTokenRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", row.name());
        view.put("hint", row.hint());
        view.put("roles", row.roles().stream().sorted().map(Role::key).toList());
        view.put("expiresAt", row.expiresAt() == null ? null : row.expiresAt().toString());
        return view;
    }

    /**
     * The token a presented secret belongs to when this node verified it recently and nothing needs
     * writing (its last use is noted to the minute): answered without the database, so without blocking.
     * Empty means "ask {@link #authenticate}", not "invalid".
     */
    public Optional<ApiTokenRow> recentlyVerified(String secret) {
        if (cacheNanos <= 0 || !wellFormed(secret)) {
            return Optional.empty();
        }
        VerifiedTokens.Verified hit = verified.get(Secrets.hash(secret));
        if (hit == null || System.nanoTime() - hit.at() > cacheNanos) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ApiTokenRow token = hit.token();
        return token.usableAt(now) && !touchDue(token, now) ? Optional.of(token) : Optional.empty();
    }

    /** The token a presented secret belongs to, if it is usable now; notes its use. */
    public Optional<ApiTokenRow> authenticate(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(secret);
        long verifiedAt = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<ApiTokenRow> token = tokens.findByHash(hash).filter(row -> row.usableAt(now)).flatMap(this::boundByCreator);
        if (token.isEmpty()) {
            verified.forget(hash);
            return token;
        }
        ApiTokenRow row = token.get();
        if (touchDue(row, now)) {
            tokens.touch(row.id(), now, now.minus(LAST_USED_RESOLUTION));
            row = row.usedAt(now);
        }
        if (cacheNanos > 0) {
            verified.remember(hash, row, verifiedAt);
        }
        return Optional.of(row);
    }

    private static boolean wellFormed(String secret) {
        return secret != null && secret.startsWith(PREFIX) && secret.length() <= 100;
    }

    private static boolean touchDue(ApiTokenRow token, OffsetDateTime now) {
        return token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION));
    }
}
