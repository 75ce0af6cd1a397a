package dev.kreis.platform.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of authentication, lockout and rate limits ({@code kreis.security.*}). */
@ConfigMapping(prefix = "kreis.security")
public interface SecurityConfig {

    /**
     * Where identities come from: {@code local} (accounts in the database, HTTP Basic, API tokens) or
     * {@code keycloak} (OIDC bearer tokens and Keycloak's policy enforcer; API tokens keep working).
     */
    @WithDefault("local")
    String mode();

    /**
     * The password of the {@code admin} account created on first start with an empty account table. When
     * unset, a random password is generated and written once to the log.
     */
    Optional<String> bootstrapAdminPassword();

    /** The bcrypt cost factor (log2 rounds) for new password hashes; 10 is the lowest accepted. */
    @WithDefault("12")
    int bcryptCost();

    /** The shortest password a local account may have. */
    @WithDefault("12")
    int passwordMinLength();

    /**
     * How long a node answers a verified API token from memory instead of the database: the longest a
     * revocation made on another node takes to reach this one (on the revoking node it is immediate).
     * 0 looks every request up.
     */
    @WithDefault("1S")
    Duration apiTokenCache();

    Lockout lockout();

    Session session();

    RateLimit rateLimit();

    Memory memory();

    default boolean localAccounts() {
        return "local".equals(mode());
    }

    /** Browser sessions of local accounts (form sign-in of the web UI). */
    interface Session {
        /** A session unused this long ends; using it renews it (at most once a minute). */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("PT12H")
        Duration absoluteTimeout();
    }

    /**
     * How much each node remembers for authentication and rate limits ({@code kreis.security.memory.*}):
     * every structure is capped, the least used entries going first, so a node's memory does not
     * grow with the number of users, tokens or client addresses.
     */
    interface Memory {
        /**
         * Keys (principal, user name, client address, connection and address) each rate limit keeps a token
         * bucket for. A key forgotten beyond this (or after an hour unused) starts again with a full bucket.
         */
        @WithDefault("100000")
        int rateLimitKeys();

        /** API tokens a node answers from memory ({@code api-token-cache}); one forgotten is looked up again. */
        @WithDefault("10000")
        int verifiedTokens();

        /** User name/password pairs bcrypt confirmed within the last minute; one forgotten is checked again. */
        @WithDefault("10000")
        int verifiedPasswords();
    }

    /** Brute-force protection of local accounts. */
    interface Lockout {
        /** Consecutive failed logins after which the account is locked for a while. */
        @WithDefault("5")
        int failureThreshold();

        /** The wait after the threshold; each further failure adds another. */
        @WithDefault("60S")
        Duration waitIncrement();

        /** The longest an account is locked for at a time. */
        @WithDefault("15M")
        Duration maxWait();
    }

    /** Per-principal rate limits, answered with 429 and {@code Retry-After}. */
    interface RateLimit {
        /**
         * Password checks per minute for one user name. Requests whose credentials were confirmed within the
         * last minute are not counted.
         */
        @WithDefault("30")
        int authenticationsPerMinute();

        /** Password checks per minute from one client address, whatever the user names. */
        @WithDefault("300")
        int addressAuthenticationsPerMinute();

        /** Requests per minute from one client address to public endpoints (survey links). */
        @WithDefault("300")
        int publicRequestsPerMinute();

        /**
         * Webhook requests per minute for one connection from one client address, counted before the signature
         * is checked, so a flood of forged requests cannot cost signature checks without bound.
         */
        @WithDefault("600")
        int webhooksPerMinute();

        /** Ingested items (profiles, touchpoints, batch items) per second for one principal. */
        @WithDefault("10000")
        int ingestionPerSecond();

        /** How many items a principal may send at once above the steady rate. */
        @WithDefault("50000")
        int ingestionBurst();
    }
}
