package dev.kreis.module.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.api.ProblemException;

/** List paging: cursors round-trip, garbage and out-of-range limits are 400. */
class PagesTest {

    @Test
    void cursorsRoundTripAndGarbageIs400() {
        UUID id = UUID.randomUUID();
        Instant time = Instant.parse("2030-01-01T10:11:12.123456Z");
        Pages.Position position = Pages.decode(Pages.encode(3, time, id));
        assertEquals(new Pages.Position(3, time, id), position);
        assertEquals(400, assertThrows(ProblemException.class, () -> Pages.decode("not-a-cursor")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Pages.limit("0")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Pages.limit("201")).status());
        assertEquals(50, Pages.limit(null));
    }
}
