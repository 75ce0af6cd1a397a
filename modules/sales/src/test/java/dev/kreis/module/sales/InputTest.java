package dev.kreis.module.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.spi.api.ProblemException;

/** Request body reading: every bad field is named; cursors round-trip. */
class InputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Input input(String json, String... fields) throws Exception {
        return Input.of(JSON.readTree(json), Set.of(fields));
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        Input in = input("{\"amount\": -1, \"at\": \"yesterday\", \"when\": \"2031-01-01T00:00:00Z\", \"email\": \"nope\", \"x\": 1}",
                "amount", "at", "when", "email");
        in.amount("amount", false);
        in.instant("at", now);
        in.instant("when", now);
        in.email("email");
        ProblemException problem = assertThrows(ProblemException.class, in::check);
        assertEquals(422, problem.status());
        assertEquals(Set.of("x", "amount", "at", "when", "email"),
                Set.copyOf(problem.errors().stream().map(e -> e.field()).toList()));
    }

    @Test
    void amountsArePositiveWhenAskedAndHaveAtMostFourDecimals() throws Exception {
        Input in = input("{\"a\": 0, \"b\": 1.23456, \"c\": 12.5}", "a", "b", "c");
        assertTrue(in.amount("a", true).isEmpty());
        assertTrue(in.amount("b", false).isEmpty());
        assertEquals(new BigDecimal("12.5"), in.amount("c", true).orElseThrow());
        assertEquals(2, assertThrows(ProblemException.class, in::check).errors().size());
    }

    @Test
    void aBodyThatIsNoObjectIs400() throws Exception {
        assertEquals(400, assertThrows(ProblemException.class, () -> input("[1]", "a")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Input.of(null, Set.of())).status());
    }

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
