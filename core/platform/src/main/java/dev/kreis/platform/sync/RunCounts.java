package dev.kreis.platform.sync;

/** What a run did, as counted while it works; thread-confined to the run. */
public final class RunCounts {
    int read;
    int created;
    int updated;
    int unchanged;
    int pushed;
    int failed;
    int deadLettered;

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
}
