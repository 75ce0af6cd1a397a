package dev.kreis.module.support;

import java.time.Instant;

/**
 * Breach rules, pure: a target is breached when the moment that stopped its clock (or {@code now}, while it still
 * runs) lies after the due time. The first-response clock stops at the first response, or when the ticket was
 * closed without one; the resolution clock stops at the resolution, or when the ticket was closed unresolved.
 */
public final class Sla {
    private Sla() {
    }

    public static boolean firstResponseBreached(Instant dueAt, Instant firstRespondedAt, Instant closedAt, Instant now) {
        return stop(firstRespondedAt, closedAt, now).isAfter(dueAt);
    }

    public static boolean resolutionBreached(Instant dueAt, Instant resolvedAt, Instant closedAt, Instant now) {
        return stop(resolvedAt, closedAt, now).isAfter(dueAt);
    }

    /** Whether a resolution at {@code resolvedAt} after a first response at {@code firstRespondedAt} met both targets. */
    public static boolean met(Instant firstResponseDueAt, Instant resolutionDueAt, Instant firstRespondedAt, Instant resolvedAt) {
        return !firstRespondedAt.isAfter(firstResponseDueAt) && !resolvedAt.isAfter(resolutionDueAt);
    }

    private static Instant stop(Instant done, Instant closedAt, Instant now) {
        if (done != null) {
            return done;
        }
        return closedAt != null ? closedAt : now;
    }
}
