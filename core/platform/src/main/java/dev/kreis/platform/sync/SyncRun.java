package dev.kreis.platform.sync;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * One run of a connection, as recorded: when, how it ended, what it counted, and the last error. {@code deadLettersResolved}
 * counts the dead letters the run closed because it applied (or wrote) their record successfully.
 */
public record SyncRun(UUID id, UUID connectionId, String trigger, boolean fullResync, Status status, OffsetDateTime startedAt,
        OffsetDateTime endedAt, int read, int created, int updated, int unchanged, int pushed, int failed, int deadLettered,
        int deadLettersResolved, String lastError) {

    /** How a run stands or ended. */
    public enum Status {
        RUNNING, SUCCEEDED, PARTIAL, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String wire) {
            return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst().orElseThrow();
        }
    }
}
