package dev.kreis.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.api.CursorSeal;

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

    @Test
    void aNumberCursorSurvivesTheRoundTrip() {
        UUID id = UUID.randomUUID();
        assertEquals(new BigDecimal("0.9120"), Cursor.decode(new Cursor("0.9120", id).encode()).number());
    }

    @Test
    void anUnsealedCursorIsRefusedBeforeItIsRead() {
        UUID id = UUID.randomUUID();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(("1E+9999999|" + id).getBytes(StandardCharsets.UTF_8));
        assertEquals("cursor", assertThrows(MalformedRequestException.class, () -> Cursor.decode(forged)).errors().get(0).field());
    }

    @Test
    void aSealedPositionOutOfRangeIsRefused() {
        UUID id = UUID.randomUUID();
        for (String position : List.of("+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            Cursor cursor = Cursor.decode(CursorSeal.seal(position + "|" + id));
            assertThrows(MalformedRequestException.class, cursor::time, position);
        }
        for (String position : List.of("1E+9999999", "1E-9999999", "1" + "0".repeat(40), "0." + "1".repeat(30))) {
            Cursor cursor = Cursor.decode(CursorSeal.seal(position + "|" + id));
            assertThrows(MalformedRequestException.class, cursor::number, position);
        }
        assertThrows(MalformedRequestException.class, () -> Cursor.decode(CursorSeal.seal("9".repeat(65) + "|" + id)));
        assertThrows(MalformedRequestException.class, () -> Cursor.decode(CursorSeal.seal("1|not-an-id")));
    }
}
