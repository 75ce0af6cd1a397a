package dev.kreis.platform.api;

import java.util.List;

/**
 * A failure that is the client's to fix (or a resource that is not there), answered as a problem
 * detail. Subclasses fix the status; the mapper in {@link ProblemMappers} is the only place that
 * turns them into responses.
 */
public abstract class ApiException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    protected ApiException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem toProblem() {
        return Problem.of(status, slug, title, getMessage(), errors);
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
