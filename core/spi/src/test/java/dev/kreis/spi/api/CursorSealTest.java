package dev.kreis.spi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CursorSealTest {

    @Test
    void aSealedCursorOpensToItsPosition() {
        String position = "2026-12-01T10:00:00Z|" + UUID.randomUUID();
        assertEquals(position, CursorSeal.open(CursorSeal.seal(position)));
    }

    @Test
    void aForgedTamperedOrOversizedCursorIsRefusedNamingTheCursor() {
        String sealed = CursorSeal.seal("2026-12-01T10:00:00Z|00000000-0000-0000-0000-000000000000");
        String forgedText = Base64.getUrlEncoder().withoutPadding().encodeToString("1E+9999999|x".getBytes(StandardCharsets.UTF_8));
        List<String> bad = List.of(forgedText, forgedText + sealed.substring(sealed.indexOf('.')), sealed.substring(1), sealed + "A",
                "A".repeat(CursorSeal.MAX_LENGTH) + "." + "A", ".", "%%%.%%%");
        for (String cursor : bad) {
            ProblemException problem = assertThrows(ProblemException.class, () -> CursorSeal.open(cursor), cursor);
            assertEquals(400, problem.status());
            assertEquals("cursor", problem.errors().get(0).field());
        }
    }

    @Test
    void aCursorSealedUnderAnotherKeyNoLongerOpens() {
        CursorSeal.useKey("first installation key, 32 bytes".getBytes(StandardCharsets.UTF_8));
        String sealed = CursorSeal.seal("42");
        CursorSeal.useKey("other installation key, 32 bytes".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(ProblemException.class, () -> CursorSeal.open(sealed)).status());
        assertEquals("42", CursorSeal.open(CursorSeal.seal("42")));
    }

    @Test
    void cursorPartsAreRangeChecked() {
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), Paging.instantPart("2026-12-01T10:00:00Z"));
        assertEquals(7, Paging.wholePart("7", 0, 10));
        for (Runnable bad : List.<Runnable>of(() -> Paging.instantPart("+999999999-01-01T00:00:00Z"),
                () -> Paging.instantPart("-999999999-01-01T00:00:00Z"), () -> Paging.instantPart("+10000-01-01T00:00:00Z"),
                () -> Paging.wholePart("11", 0, 10), () -> Paging.wholePart("-1", 0, 10), () -> Paging.wholePart("1E+9999999", 0, 10),
                () -> Paging.idPart("not-an-id"), () -> Paging.idPart("1-1-1-1-1"))) {
            assertEquals("cursor", assertThrows(ProblemException.class, bad::run).errors().get(0).field());
        }
    }
}
