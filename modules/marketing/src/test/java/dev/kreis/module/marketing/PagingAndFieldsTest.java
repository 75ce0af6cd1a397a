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
import dev.kreis.spi.api.ProblemException;

/** Query parameters (400 naming the parameter) and the bounds of times in bodies. */
class PagingAndFieldsTest {

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
    void timesNeedAnOffsetAndLieBetween1900AndADayAhead() {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        Fields fields = Fields.collect();
        var body = CampaignDraftTest.json("{'a':'2025-03-01T10:00:00+01:00','b':'2025-03-01T10:00:00','c':'1899-12-31T23:59:59Z',"
                + "'d':'2025-06-02T00:00:01Z','e':'2025-06-02T00:00:00Z','f':12}");
        assertEquals(Instant.parse("2025-03-01T09:00:00Z"), fields.instant(body, "a", true, now));
        assertNull(fields.instant(body, "b", true, now));
        assertNull(fields.instant(body, "c", true, now));
        assertNull(fields.instant(body, "d", true, now));
        assertEquals(Instant.parse("2025-06-02T00:00:00Z"), fields.instant(body, "e", true, now));
        assertNull(fields.instant(body, "f", true, now));
        assertNull(fields.instant(body, "missing", true, now));
        assertEquals(List.of("b", "c", "d", "f", "missing"), fields.problems().stream().map(FieldProblem::field).toList());
    }
}
