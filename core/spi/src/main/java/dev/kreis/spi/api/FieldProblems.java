package dev.kreis.spi.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the faults a request record's constraints cannot express (rules across fields, against the clock or the
 * stored state), so one 422 answer names every field at fault, as the constraint violations of the same request would.
 * Field names are paths in the body ({@code endsOn}, {@code events[2].customerId}).
 *
 * <p>Thread-safety: not thread-safe, one per request. Stability: stable.
 */
public final class FieldProblems {
    private final List<FieldProblem> problems = new ArrayList<>();

    /** Records that {@code field} is wrong, and why. */
    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** Whether a problem was recorded for {@code field}. */
    public boolean failed(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Whether nothing was recorded. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** What was recorded, in order. */
    public List<FieldProblem> list() {
        return List.copyOf(problems);
    }

    /** @throws ProblemException 422 naming every recorded field, if there is one */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(problems));
        }
    }
}
