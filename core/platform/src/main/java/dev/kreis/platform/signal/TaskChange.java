package dev.kreis.platform.signal;

import java.util.Optional;
import java.util.UUID;

/**
 * A validated change to a task. {@code assignee} and {@code note} are {@code null} when the request did
 * not mention them and an empty optional when it cleared them.
 */
public record TaskChange(TaskStatus status, Optional<String> assignee, Optional<String> note, UUID resolvedByTouchpointId) {
}
