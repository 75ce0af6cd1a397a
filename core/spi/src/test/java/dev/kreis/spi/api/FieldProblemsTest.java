package dev.kreis.spi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FieldProblemsTest {

    @Test
    void nothingRecordedThrowsNothing() {
        FieldProblems problems = new FieldProblems();
        problems.throwIfAny();
        assertTrue(problems.ok());
    }

    @Test
    void everyRecordedFieldIsNamedInOne422() {
        FieldProblems problems = new FieldProblems();
        problems.add("endsOn", "must not lie before startsOn");
        problems.add("events[2].customerId", "no customer");
        assertTrue(problems.failed("endsOn"));
        assertFalse(problems.failed("startsOn"));
        ProblemException e = assertThrows(ProblemException.class, problems::throwIfAny);
        assertEquals(422, e.status());
        assertEquals(List.of(new FieldProblem("endsOn", "must not lie before startsOn"), new FieldProblem("events[2].customerId", "no customer")),
                e.errors());
    }
}
