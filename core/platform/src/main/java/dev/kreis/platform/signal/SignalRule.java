package dev.kreis.platform.signal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored signal rule. */
public record SignalRule(UUID id, String name, boolean enabled, TriggerPattern trigger, Condition condition, Action action,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Evaluated as touchpoints arrive (score and count conditions), as opposed to on a schedule (absence). */
    public boolean onArrival() {
        return !(condition instanceof Condition.Absence);
    }
}
