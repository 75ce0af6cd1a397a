package dev.kreis.platform.api;

import java.util.List;

/** 429: the caller went over a rate limit; answered with {@code Retry-After} in whole seconds. */
public class TooManyRequestsProblem extends ApiException {
    private final long retryAfterSeconds;

    public TooManyRequestsProblem(String detail, long retryAfterSeconds) {
        super(429, "too-many-requests", "Too many requests", detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
