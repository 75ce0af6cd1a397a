package dev.kreis.spi.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the vendor's rate-limit headers of the last response said (HubSpot
 * {@code X-HubSpot-RateLimit-Remaining}/{@code -Max}/{@code -Interval-Milliseconds}, Salesforce
 * {@code Sforce-Limit-Info: api-usage=used/max}). The engine waits until {@link #resetAt()} before the
 * next request when nothing remains. Immutable value. Stability: stable.
 *
 * @param remaining requests left in the current window, if the vendor said
 * @param limit     requests allowed per window, if the vendor said
 * @param resetAt   when the window resets, if known
 */
public record RateLimitState(OptionalLong remaining, OptionalLong limit, Optional<Instant> resetAt) {
    /** Nothing known. */
    public static final RateLimitState UNKNOWN = new RateLimitState(OptionalLong.empty(), OptionalLong.empty(), Optional.empty());

    public RateLimitState {
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(resetAt, "resetAt");
    }

    /** True when the vendor said no request remains in the current window. */
    public boolean exhausted() {
        return remaining.isPresent() && remaining.getAsLong() <= 0;
    }
}
