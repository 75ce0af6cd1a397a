package dev.kreis.module.support;

import java.time.Duration;
import java.time.Instant;

/**
 * The service-level targets for one priority: the first response within {@code firstResponseMinutes} of opening,
 * the resolution within {@code resolutionMinutes} of opening.
 */
public record SlaPolicy(String priority, int firstResponseMinutes, int resolutionMinutes, Instant updatedAt, String updatedBy) {

    /** The longest first-response target: 30 days. */
    public static final int MAX_FIRST_RESPONSE_MINUTES = 43_200;
    /** The longest resolution target: 365 days. */
    public static final int MAX_RESOLUTION_MINUTES = 525_600;

    public Instant firstResponseDue(Instant openedAt) {
        return openedAt.plus(Duration.ofMinutes(firstResponseMinutes));
    }

    public Instant resolutionDue(Instant openedAt) {
        return openedAt.plus(Duration.ofMinutes(resolutionMinutes));
    }
}
