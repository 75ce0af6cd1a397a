package dev.kreis.module.marketing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.FieldProblems;
import dev.kreis.spi.api.ProblemException;

/** Query parameters (400 naming the parameter) and the bounds of times in bodies. */
class PagingAndTimesTest {

    @Test
    void limitsAreOneTo200DefaultFifty() {
        assertEquals(50, Paging.limit(null));
        assertEquals(1, Paging.limit("1"));
        assertEquals(200, Paging.limit(" 200 "));
        for (String bad : List.of("0", "201", "-3", "ten", "1.5")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Paging.limit(bad), bad);
            assertEquals(400, problem.status());
            assertEquals("limit", problem.errors().get(0).field());
        }
    }

    @Test
    void cursorsComeBackAsTheyWentOutAndForeignOnesAre400() {
        UUID id = UUID.randomUUID();
        String cursor = Paging.encode("2025-03-01T10:00:00Z", id.toString());
        assertArrayEquals(new String[] { "2025-03-01T10:00:00Z", id.toString() }, Paging.decode(cursor, 2));
        assertNull(Paging.decode(" ", 2));
        for (String bad : List.of("%%%", Paging.encode("only-one"))) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Paging.decode(bad, 2));
            assertEquals("cursor", problem.errors().get(0).field());
        }
        assertThrows(ProblemException.class, () -> Paging.uuid("nope"));
        assertEquals("id", assertThrows(ProblemException.class, () -> Paging.id("id", "12")).errors().get(0).field());
    }

    @Test
    void reportedTimesLieBetween1900AndADayAhead() {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        FieldProblems problems = new FieldProblems();
        MarketingRequests.occurred(Instant.parse("1900-01-01T00:00:00Z"), "a", now, problems);
        MarketingRequests.occurred(Instant.parse("1899-12-31T23:59:59Z"), "b", now, problems);
        MarketingRequests.occurred(Instant.parse("2025-06-02T00:00:00Z"), "c", now, problems);
        MarketingRequests.occurred(Instant.parse("2025-06-02T00:00:01Z"), "d", now, problems);
        assertEquals(List.of(new FieldProblem("b", "must not lie before 1900"), new FieldProblem("d", "must not lie more than a day in the future")),
                problems.list());
    }
}
