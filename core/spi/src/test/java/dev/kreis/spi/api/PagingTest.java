package dev.kreis.spi.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aLimitDefaultsToFiftyAndMustBeAWholeNumberFromOneToTwoHundred() {
        assertEquals(50, Paging.limit(null));
        assertEquals(50, Paging.limit(" "));
        assertEquals(200, Paging.limit(" 200 "));
        for (String bad : List.of("0", "201", "-1", "ten", "1.5")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Paging.limit(bad), bad);
            assertEquals(400, problem.status());
            assertEquals("limit", problem.errors().get(0).field());
        }
    }

    @Test
    void aCursorGivesBackItsPartsAndAnythingElseIsRefusedNamingTheCursor() {
        String cursor = Paging.cursor("3", "2026-12-01T00:00:00Z", "a-b");
        assertArrayEquals(new String[] { "3", "2026-12-01T00:00:00Z", "a-b" }, Paging.cursorParts(cursor, 3).orElseThrow());
        assertTrue(Paging.cursorParts(null, 3).isEmpty());
        assertTrue(Paging.cursorParts("", 3).isEmpty());
        for (String bad : List.of("not base64 !", Paging.cursor("only", "two"))) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Paging.cursorParts(bad, 3), bad);
            assertEquals(400, problem.status());
            assertEquals("cursor", problem.errors().get(0).field());
        }
    }

    @Test
    void aPageNamesItsItemsAndTheNextCursor() {
        assertEquals(List.of("items", "nextCursor"), List.copyOf(Paging.page(List.of(1), null).keySet()));
        assertEquals("c", Paging.page(List.of(), "c").get("nextCursor"));
    }
}
