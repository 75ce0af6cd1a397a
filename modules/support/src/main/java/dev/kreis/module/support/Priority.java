package dev.kreis.module.support;

import java.util.Locale;
import java.util.Optional;

/** How urgent a ticket is; each priority has its own SLA policy. High and urgent tickets hold the customer out of campaigns. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    static final String ALLOWED = "low, normal, high, urgent";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> fromWire(String wire) {
        for (Priority priority : values()) {
            if (priority.wire().equals(wire)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }

    /** Whether an active ticket of this priority keeps its customer out of marketing campaigns. */
    public boolean holdsCampaigns() {
        return this == HIGH || this == URGENT;
    }
}
