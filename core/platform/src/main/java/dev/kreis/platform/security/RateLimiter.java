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
 * Keys unused for an hour are forgotten, and beyond {@code kreis.security.memory.rate-limit-keys} keys the
 * least used; a forgotten key starts again with a full bucket. With several nodes each enforces
 * its own share.
 */
final class RateLimiter {
    private final String what;
    private final long capacity;
    private final long refill;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    /** @param maxKeys the most keys with a bucket; beyond it the least used are forgotten */
    RateLimiter(String what, long capacity, long refill, Duration period, int maxKeys) {
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, maxKeys)).expireAfterAccess(Duration.ofHours(1)).build();
        this.what = what;
        this.capacity = Math.max(1, capacity);
        this.refill = Math.max(1, refill);
        this.period = period;
    }

    /** How many keys have a bucket now. */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
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
