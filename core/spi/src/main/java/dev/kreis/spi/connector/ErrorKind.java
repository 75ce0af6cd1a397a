package dev.kreis.spi.connector;

/**
 * How the engine treats a {@link ConnectorException}. Stability: stable.
 */
public enum ErrorKind {
    /** A passing failure (5xx, network, timeout): retried with exponential backoff and jitter. */
    RETRYABLE,
    /** The token was refused or expired: the engine calls {@link ConnectorSession#refresh()} once and retries. */
    AUTH,
    /** A rate limit or quota was hit (429): retried after {@link ConnectorException#retryAfter()} or the backoff. */
    QUOTA,
    /** The vendor refused the data (400, 422): not retried; the record goes to the dead letters. */
    VALIDATION,
    /** The record is in a conflicting state (409, several matches): not retried; the record goes to the dead letters. */
    CONFLICT
}
