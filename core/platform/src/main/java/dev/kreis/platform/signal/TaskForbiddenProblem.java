package dev.kreis.platform.signal;

import java.util.List;

import dev.kreis.platform.api.ApiException;

/** 403: the caller may write tasks, but not this department's. */
public class TaskForbiddenProblem extends ApiException {

    public TaskForbiddenProblem(String department) {
        super(403, "forbidden", "Forbidden", "Only the " + department + " department, cx-manager and admin may change this task", List.of());
    }
}
