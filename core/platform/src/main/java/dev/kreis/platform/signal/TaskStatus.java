package dev.kreis.platform.signal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a follow-up task stands. Open and in progress tasks are "active": a rule opens no second one for the customer. */
public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE, DISMISSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean active() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public static Optional<TaskStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
