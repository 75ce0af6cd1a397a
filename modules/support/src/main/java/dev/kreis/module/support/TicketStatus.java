package dev.kreis.module.support;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a ticket stands. {@code open} and {@code pending} (waiting for the customer) are active; {@code resolved}
 * tickets may be closed or reopened; {@code closed} tickets may be reopened.
 */
public enum TicketStatus {
    OPEN, PENDING, RESOLVED, CLOSED;

    static final String ALLOWED = "open, pending, resolved, closed";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketStatus> fromWire(String wire) {
        for (TicketStatus status : values()) {
            if (status.wire().equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether someone is still working on the ticket (open or pending). */
    public boolean active() {
        return this == OPEN || this == PENDING;
    }

    /**
     * Whether {@code PATCH status} may move a ticket from this status to {@code target}. Resolving goes through
     * {@code POST .../resolve} (it needs a resolution note), so it is not a PATCH transition.
     */
    public boolean mayPatchTo(TicketStatus target) {
        return switch (this) {
            case OPEN -> target == PENDING || target == CLOSED;
            case PENDING -> target == OPEN || target == CLOSED;
            case RESOLVED -> target == OPEN || target == CLOSED;
            case CLOSED -> target == OPEN;
        };
    }
}
