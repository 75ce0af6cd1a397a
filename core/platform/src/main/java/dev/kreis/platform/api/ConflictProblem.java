package dev.kreis.platform.api;

import java.util.List;

/** 409: the request contradicts the current state (e.g. merging a person into an organisation). */
public class ConflictProblem extends ApiException {

    public ConflictProblem(String detail) {
        super(409, "conflict", "Conflict", detail, List.of());
    }
}
