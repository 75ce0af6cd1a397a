package dev.kreis.platform.signal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated change to a task. {@code assignee} and {@code note} are {@code null} when the request did
 * not mention them and an empty optional when it cleared them; so is {@code dueOn}.
 */
public record TaskChange(TaskStatus status, Optional<String> assignee, Optional<String> note, UUID resolvedByTouchpointId,
        Optional<LocalDate> dueOn) {
}
