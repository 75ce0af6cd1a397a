package dev.kreis.platform.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.kreis.platform.api.TooManyRequestsProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets per key (a principal, a user name, a client address), kept in memory on this node.
 * Keys unused for an hour are forgotten. With several nodes each enforces its own share.
 */
final class RateLimiter {
    private final String what;
    private final long capacity;
    private final long refill;
    private final Duration period;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

    RateLimiter(String what, long capacity, long refill, Duration period) {
        this.what = what;
        this.capacity = Math.max(1, capacity);
        this.refill = Math.max(1, refill);
        this.period = period;
    }

    /** Takes {@code amount} from the key's bucket or throws a 429 saying when to retry. */
    void acquire(String key, long amount) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(Math.min(amount, capacity));
        if (!probe.isConsumed()) {
            long seconds = (long) Math.ceil(probe.getNanosToWaitForRefill() / (double) TimeUnit.SECONDS.toNanos(1));
            throw new TooManyRequestsProblem("Too many " + what + "; retry in " + Math.max(1, seconds) + " s", seconds);
        }
    }
}
