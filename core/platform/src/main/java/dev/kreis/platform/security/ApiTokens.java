package dev.kreis.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.security.persistence.ApiTokenRepository;
import dev.kreis.platform.security.persistence.ApiTokenRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * API tokens for machines and scripts. The secret is 256 random bits, shown once when issued and stored
 * only as its SHA-256 (a salt adds nothing to a secret that long); every request looks the hash up, so a
 * revocation takes effect on the next request on every node.
 */
@ApplicationScoped
public class ApiTokens {
    /** Every token starts with this, so a token found in a log or repository is recognisable. */
    public static final String PREFIX = "kreis_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token and its secret; the secret exists only in this object. */
    public record Issued(ApiTokenRow token, String secret) {
    }

    @Transactional
    public Issued issue(String name, Set<Role> roles, OffsetDateTime expiresAt, String createdBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiTokenRow row = new ApiTokenRow(UUID.randomUUID(), name, hash(secret), secret.substring(secret.length() - 4),
                roles, createdBy, OffsetDateTime.now(clock), expiresAt, null, null);
        tokens.insert(row);
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
        tokens.revoke(id, OffsetDateTime.now(clock));
        return token;
    }

    /** The token a presented secret belongs to, if it is usable now; notes its use. */
    public Optional<ApiTokenRow> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<ApiTokenRow> token = tokens.findByHash(hash(secret)).filter(row -> row.usableAt(now));
        token.filter(row -> row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(row -> tokens.touch(row.id(), now, now.minus(LAST_USED_RESOLUTION)));
        return token;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
