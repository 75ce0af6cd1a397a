package dev.kreis.platform.security;

import java.time.Duration;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rate limits Kreis applies: password checks per user name and per client address, ingested
 * items per principal, public requests per client address, and webhook requests per connection and address. Over a limit the caller gets 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimits {
    private final RateLimiter passwordChecks;
    private final RateLimiter addressPasswordChecks;
    private final RateLimiter ingestion;
    private final RateLimiter publicRequests;
    private final RateLimiter webhooks;

    RateLimits(SecurityConfig config) {
        SecurityConfig.RateLimit limits = config.rateLimit();
        int keys = config.memory().rateLimitKeys();
        this.passwordChecks = new RateLimiter("authentication attempts", limits.authenticationsPerMinute(),
                limits.authenticationsPerMinute(), Duration.ofMinutes(1), keys);
        this.addressPasswordChecks = new RateLimiter("authentication attempts from this address",
                limits.addressAuthenticationsPerMinute(), limits.addressAuthenticationsPerMinute(), Duration.ofMinutes(1), keys);
        this.publicRequests = new RateLimiter("requests from this address", limits.publicRequestsPerMinute(),
                limits.publicRequestsPerMinute(), Duration.ofMinutes(1), keys);
        this.webhooks = new RateLimiter("webhook requests for this connection from this address", limits.webhooksPerMinute(),
                limits.webhooksPerMinute(), Duration.ofMinutes(1), keys);
        this.ingestion = new RateLimiter("ingested items", limits.ingestionBurst(), limits.ingestionPerSecond(),
                Duration.ofSeconds(1), keys);
    }

    /** Counts one request to a public endpoint (no caller to limit) against the client address. */
    public void publicRequest(String clientAddress) {
        publicRequests.acquire(clientAddress == null ? "unknown" : clientAddress, 1);
    }

    /** Counts one webhook request (signed or not) against the connection and the client address. */
    public void webhook(String connection, String clientAddress) {
        webhooks.acquire(connection + "|" + (clientAddress == null ? "unknown" : clientAddress), 1);
    }

    /** Counts one password check against the user name and against the client address. */
    void passwordCheck(String username, String clientAddress) {
        passwordChecks.acquire(username, 1);
        if (clientAddress != null) {
            addressPasswordChecks.acquire(clientAddress, 1);
        }
    }

    /**
     * Counts {@code items} ingested items against the caller: the account or token (two tokens of the same
     * name are two principals), or the principal name of a Keycloak identity.
     */
    public void ingestion(SecurityIdentity caller, int items) {
        String subject = caller.getAttribute(KreisIdentities.SUBJECT_ID);
        ingestion.acquire(subject != null ? subject : "principal:" + caller.getPrincipal().getName(), Math.max(1, items));
    }
}
