package dev.kreis.platform.sync;

import java.util.UUID;

/** What a run did, as counted while it works, and which run it is; thread-confined to the run. */
public final class RunCounts {
    private final UUID runId;
    int read;
    int created;
    int updated;
    int unchanged;
    int pushed;
    int failed;
    int deadLettered;
    int deadLettersResolved;

    RunCounts(UUID runId) {
        this.runId = runId;
    }

    /** The run these counts belong to (a dead letter remembers the last run that failed on its record). */
    UUID runId() {
        return runId;
    }

    public int read() {
        return read;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int unchanged() {
        return unchanged;
    }

    public int pushed() {
        return pushed;
    }

    public int failed() {
        return failed;
    }

    public int deadLettered() {
        return deadLettered;
    }

    /** Dead letters closed because the run applied (or wrote) their record successfully. */
    public int deadLettersResolved() {
        return deadLettersResolved;
    }
}
