package dev.kreis.spi.connector;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure of a vendor call, classified for the engine. The message is shown to admins in run histories
 * and dead letters: it must never contain credentials or tokens. Stability: stable.
 */
public class ConnectorException extends RuntimeException {
    private final ErrorKind kind;
    private final transient Optional<Duration> retryAfter;
    private final int status;

    /**
     * @param kind       how the engine treats it
     * @param message    what went wrong, for admins
     * @param status     the HTTP status the vendor answered, 0 when there was none (network)
     * @param retryAfter how long the vendor asked to wait ({@code Retry-After}, rate-limit reset), if it said
     */
    public ConnectorException(ErrorKind kind, String message, int status, Optional<Duration> retryAfter) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public ConnectorException(ErrorKind kind, String message) {
        this(kind, message, 0, Optional.empty());
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
