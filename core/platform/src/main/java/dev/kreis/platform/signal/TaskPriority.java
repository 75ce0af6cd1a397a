package dev.kreis.platform.signal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent a follow-up task is. */
public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TaskPriority> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(value)).findFirst();
    }
}
