package dev.kreis.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * API tokens for machines and scripts. The secret ({@link Secrets}) is shown once when issued and stored
 * only as its SHA-256; every request looks the hash up, so a revocation takes effect on the next request
 * on every node.
 */
@ApplicationScoped
public class ApiTokens {
    /** Every token starts with this, so a token found in a log or repository is recognisable. */
    public static final String PREFIX = "kreis_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final AuditLog audit;

    ApiTokens(ApiTokenRepository tokens, Clock clock, AuditLog audit) {
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
    }

    /** A token and its secret; the secret exists only in this object. */
    public record Issued(ApiTokenRow token, String secret) {
    }

    @Transactional
    public Issued issue(String name, Set<Role> roles, OffsetDateTime expiresAt, String createdBy) {
        String secret = Secrets.generate(PREFIX);
        ApiTokenRow row = new ApiTokenRow(UUID.randomUUID(), name, Secrets.hash(secret), secret.substring(secret.length() - 4),
                roles, createdBy, OffsetDateTime.now(clock), expiresAt, null, null);
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
        if (tokens.revoke(id, OffsetDateTime.now(clock))) {
            audit.record(actor, "token.revoked", "token", id.toString(), audited(token), null);
        }
        return token;
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

    /** The token a presented secret belongs to, if it is usable now; notes its use. */
    public Optional<ApiTokenRow> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<ApiTokenRow> token = tokens.findByHash(Secrets.hash(secret)).filter(row -> row.usableAt(now));
        token.filter(row -> row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(row -> tokens.touch(row.id(), now, now.minus(LAST_USED_RESOLUTION)));
        return token;
    }
}
