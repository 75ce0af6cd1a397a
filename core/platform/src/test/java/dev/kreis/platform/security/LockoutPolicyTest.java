package dev.kreis.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class LockoutPolicyTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T12:00:00Z");
    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15));

    @Test
    void failuresBelowTheThresholdDoNotLock() {
        assertNull(policy.lockedUntil(4, NOW));
    }

    @Test
    void theThresholdLocksForOneIncrement() {
        assertEquals(NOW.plusMinutes(1), policy.lockedUntil(5, NOW));
    }

    @Test
    void eachFurtherFailureWaitsOneIncrementLonger() {
        assertEquals(NOW.plusMinutes(2), policy.lockedUntil(6, NOW));
        assertEquals(NOW.plusMinutes(10), policy.lockedUntil(14, NOW));
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        assertEquals(NOW.plusMinutes(15), policy.lockedUntil(19, NOW));
        assertEquals(NOW.plusMinutes(15), policy.lockedUntil(1_000_000, NOW));
    }
}
