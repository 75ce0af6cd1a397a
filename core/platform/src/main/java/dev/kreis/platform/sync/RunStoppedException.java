package dev.kreis.platform.sync;

/** A run ended before its work was done: its node is shutting down, or another node took over its lease. */
public class RunStoppedException extends RuntimeException {
    public RunStoppedException(String message) {
        super(message);
    }
}
