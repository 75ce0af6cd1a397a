package dev.kreis.platform.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.api.TooManyRequestsProblem;

class RateLimiterTest {

    @Test
    void aLimiterKeepsBucketsForAtMostItsMaximumOfKeys() {
        RateLimiter limiter = new RateLimiter("requests", 5, 5, Duration.ofMinutes(1), 50);

        for (int i = 0; i < 5_000; i++) {
            limiter.acquire("address-" + i, 1);
        }

        assertTrue(limiter.keys() <= 50, "kept " + limiter.keys() + " buckets");
    }

    @Test
    void aKeyWithinTheMaximumKeepsItsEmptiedBucket() {
        RateLimiter limiter = new RateLimiter("requests", 2, 1, Duration.ofHours(1), 50);
        limiter.acquire("anna", 2);

        assertThrows(TooManyRequestsProblem.class, () -> limiter.acquire("anna", 1));
    }
}
