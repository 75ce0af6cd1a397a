package dev.kreis.platform.api;

import java.util.List;

/** 404: the named resource does not exist. */
public class NotFoundProblem extends ApiException {

    public NotFoundProblem(String what, Object id) {
        this("No " + what + " with id " + id);
    }

    public NotFoundProblem(String detail) {
        super(404, "not-found", "Not found", detail, List.of());
    }
}
