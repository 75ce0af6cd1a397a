package dev.kreis.platform.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Remembers for a minute which username/password pairs bcrypt has confirmed, so a client sending Basic
 * credentials on every request pays for one bcrypt check, not one per request. Only a SHA-256 of the
 * pair is kept in memory (at most {@code kreis.security.memory.verified-passwords} pairs, the least
 * used forgotten first), bound to the password hash it was checked against: a changed password,
 * a disabled or locked account is still seen, because the account row is read on every request.
 */
@ApplicationScoped
public class VerifiedCredentials {
    private final Cache<String, String> confirmed;

    @Inject
    VerifiedCredentials(SecurityConfig config) {
        this(config.memory().verifiedPasswords());
    }

    /** @param maxPairs the most pairs remembered; beyond it the least used are forgotten */
    VerifiedCredentials(int maxPairs) {
        this.confirmed = Caffeine.newBuilder().maximumSize(Math.max(1, maxPairs)).expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    /** How many pairs are remembered now. */
    long remembered() {
        confirmed.cleanUp();
        return confirmed.estimatedSize();
    }

    /** Whether this pair was confirmed against exactly this stored hash. */
    public boolean confirmed(String username, String password, String passwordHash) {
        return passwordHash.equals(confirmed.getIfPresent(key(username, password)));
    }

    public void remember(String username, String password, String passwordHash) {
        confirmed.put(key(username, password), passwordHash);
    }

    /** Forgets every pair of this user (after a change to the account). */
    public void forget(String username) {
        confirmed.asMap().keySet().removeIf(key -> key.startsWith(username + "\u0000"));
    }

    private static String key(String username, String password) {
        return username + "\u0000" + Secrets.hash(username + "\u0000" + password);
    }
}
