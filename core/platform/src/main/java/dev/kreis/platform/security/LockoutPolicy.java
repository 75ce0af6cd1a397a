package dev.kreis.platform.security;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Brute-force protection for local accounts, at least as strict as Keycloak's defaults: after
 * {@code threshold} consecutive failures every further failure locks the account, for one
 * {@code increment} more each time, never longer than {@code maxWait}. A success resets the count.
 */
public record LockoutPolicy(int threshold, Duration increment, Duration maxWait) {

    public static LockoutPolicy of(SecurityConfig.Lockout config) {
        return new LockoutPolicy(config.failureThreshold(), config.waitIncrement(), config.maxWait());
    }

    /** When an account with {@code failures} consecutive failures (this one included) is locked until; null if not locked. */
    public OffsetDateTime lockedUntil(int failures, OffsetDateTime now) {
        if (failures < threshold) {
            return null;
        }
        long steps = Math.min(failures - threshold + 1L, maxWait.dividedBy(increment) + 1);
        Duration wait = increment.multipliedBy(steps);
        return now.plus(wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }
}
