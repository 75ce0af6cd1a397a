package dev.kreis.spi.api;

import java.util.List;
import java.util.Objects;

/**
 * A problem a module endpoint reports; the platform turns it into an RFC 9457 response with this status,
 * title, detail and {@code errors[]}. Stability: stable.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldProblem> errors;

    /**
     * @param status HTTP status, 400 to 499
     * @param title  short, the same for every occurrence of this kind of problem
     * @param detail this occurrence, for people
     * @param errors the fields at fault; may be empty
     */
    public ProblemException(int status, String title, String detail, List<FieldProblem> errors) {
        super(Objects.requireNonNull(detail, "detail"));
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("status must be 4xx: " + status);
        }
        this.status = status;
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
    }

    /** 422: one field is semantically invalid. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "Invalid input", field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    /** 422: several fields are invalid. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        String detail = errors.isEmpty() ? "invalid input"
                : errors.get(0).field() + ": " + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new ProblemException(422, "Invalid input", detail, errors);
    }

    /** 400: the request is malformed (e.g. a query parameter that is not a number). */
    public static ProblemException malformed(String field, String message) {
        return new ProblemException(400, "Malformed request", field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    /** 400: the request has no body although the operation needs one. */
    public static ProblemException missingBody() {
        return malformed("body", "is required");
    }

    /** 404: {@code what} (e.g. "campaign 1f0...") does not exist. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist", List.of());
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
