package dev.kreis.platform.sync;

import java.util.UUID;

import dev.kreis.platform.api.NotFoundProblem;

/** No connection with this id. */
public class UnknownConnectionException extends NotFoundProblem {
    public UnknownConnectionException(UUID id) {
        super("connection", id);
    }
}
