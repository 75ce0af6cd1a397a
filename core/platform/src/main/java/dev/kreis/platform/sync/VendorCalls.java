package dev.kreis.platform.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.RateLimitState;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends vendor calls the way every connection needs: waits while the vendor's rate-limit headers say
 * nothing remains, retries passing failures and 429s with exponential backoff and jitter (never sooner
 * than a {@code Retry-After}), refreshes an expired token once, and gives up on validation errors and
 * conflicts at once. A {@code Retry-After} longer than {@code kreis.sync.backoff-max} ends the attempt
 * rather than calling early.
 */
@ApplicationScoped
public class VendorCalls {
    private final SyncConfig config;
    private final Clock clock;

    VendorCalls(SyncConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The call's answer, after as many attempts as {@code kreis.sync.max-attempts} allows. */
    public <T> T call(ConnectorSession session, Supplier<T> call) {
        boolean refreshed = false;
        for (int attempt = 1;; attempt++) {
            waitForQuota(session.rateLimit());
            try {
                return call.get();
            } catch (ConnectorException e) {
                if (e.kind() == ErrorKind.AUTH && !refreshed) {
                    session.refresh();
                    refreshed = true;
                    attempt--;
                    continue;
                }
                if (e.kind() == ErrorKind.AUTH || e.kind() == ErrorKind.VALIDATION || e.kind() == ErrorKind.CONFLICT
                        || attempt >= config.maxAttempts()) {
                    throw e;
                }
                int tried = attempt;
                Duration wait = e.retryAfter().orElseGet(() -> backoff(tried, config.backoffBase(), config.backoffMax()));
                if (wait.compareTo(config.backoffMax()) > 0) {
                    throw e;
                }
                sleep(wait);
            }
        }
    }

    /** Exponential backoff with equal jitter: between half and all of {@code base * 2^(attempt-1)}, at most {@code max}. */
    static Duration backoff(int attempt, Duration base, Duration max) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << Math.min(attempt - 1, 20)));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private void waitForQuota(RateLimitState state) {
        if (state.exhausted() && state.resetAt().isPresent()) {
            Duration wait = Duration.between(Instant.now(clock), state.resetAt().get());
            if (!wait.isNegative()) {
                sleep(wait.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : wait);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException("the run was stopped while waiting to call the vendor again");
        }
    }
}
