package dev.kreis.platform.security;

import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.kreis.platform.security.persistence.ApiTokenRow;

/**
 * The usable API tokens this node verified recently, by the hash of their secret, each with when it was
 * verified ({@link System#nanoTime()}). At most {@code kreis.security.memory.verified-tokens} are kept,
 * the least used forgotten first; a forgotten token is simply looked up again.
 */
final class VerifiedTokens {
    /** A token as verified at {@code at}. */
    record Verified(ApiTokenRow token, long at) {
    }

    private final Cache<String, Verified> byHash;

    VerifiedTokens(int maxTokens) {
        this.byHash = Caffeine.newBuilder().maximumSize(Math.max(1, maxTokens)).build();
    }

    /** The token verified with this hash, or null. */
    Verified get(String hash) {
        return byHash.getIfPresent(hash);
    }

    void remember(String hash, ApiTokenRow token, long at) {
        byHash.put(hash, new Verified(token, at));
    }

    void forget(String hash) {
        byHash.invalidate(hash);
    }

    /** Forgets every remembered token that matches. */
    void forgetIf(Predicate<ApiTokenRow> which) {
        byHash.asMap().values().removeIf(verified -> which.test(verified.token()));
    }

    /** How many tokens are remembered now. */
    long size() {
        byHash.cleanUp();
        return byHash.estimatedSize();
    }
}
