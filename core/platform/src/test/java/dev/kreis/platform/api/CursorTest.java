package dev.kreis.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripThroughItsEncodedForm() {
        UUID id = UUID.randomUUID();
        OffsetDateTime time = OffsetDateTime.parse("2025-03-01T10:15:30.123456Z");
        Cursor decoded = Cursor.decode(Cursor.after(time, id).encode());
        assertEquals(time, decoded.time());
        assertEquals(id, decoded.id());
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode(" "));
    }

    @Test
    void aForgedCursorIsAMalformedRequestNamingTheCursor() {
        MalformedRequestException e = assertThrows(MalformedRequestException.class, () -> Cursor.decode("not-a-cursor"));
        assertEquals("cursor", e.errors().get(0).field());
    }
}
