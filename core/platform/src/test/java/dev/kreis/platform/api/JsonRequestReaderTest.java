package dev.kreis.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.kreis.spi.api.JsonRequest;

class JsonRequestReaderTest {
    enum Stage {
        PROSPECTING, CLOSED_WON
    }

    @JsonRequest
    record Line(BigDecimal amount, Integer quantity) {
    }

    @JsonRequest
    record Order(UUID customerId, String note, Boolean paid, Stage stage, Instant at, List<Line> items) {
    }

    @JsonRequest
    record Change(Optional<String> note, Optional<LocalDate> due) {
    }

    private final JsonRequestReader reader = new JsonRequestReader(new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module()));

    @Test
    void aWellFormedBodyIsReadWithLowerCaseEnumsAndTimestamps() throws IOException {
        UUID customer = UUID.randomUUID();
        Order order = read("{\"customerId\": \"" + customer + "\", \"stage\": \"closed_won\", \"at\": \"2026-01-31T09:30:00Z\", "
                + "\"items\": [{\"amount\": 12.50, \"quantity\": 2}]}");
        assertEquals(customer, order.customerId());
        assertEquals(Stage.CLOSED_WON, order.stage());
        assertEquals(Instant.parse("2026-01-31T09:30:00Z"), order.at());
        assertEquals(new BigDecimal("12.50"), order.items().get(0).amount());
    }

    @Test
    void timestampsNeedAnOffsetButNotSeconds() throws IOException {
        assertEquals(Instant.parse("1850-03-01T00:00:00Z"), read("{\"at\": \"1850-03-01T00:00Z\"}").at());
        assertEquals(Instant.parse("2026-01-31T09:30:00Z"), read("{\"at\": \"2026-01-31T10:30:00+01:00\"}").at());
        assertInvalid("{\"at\": \"2026-01-31T09:30:00\"}", "at", "must be an ISO-8601 timestamp with offset, such as 2026-01-31T09:30:00Z");
        assertInvalid("{\"at\": 1769851800}", "at", "must be an ISO-8601 timestamp with offset, such as 2026-01-31T09:30:00Z");
    }

    @Test
    void anOptionalFieldIsNullWhenAbsentAndEmptyWhenSentAsNull() throws IOException {
        Change absent = read(Change.class, "{}");
        assertNull(absent.note());
        assertNull(absent.due());
        Change cleared = read(Change.class, "{\"note\": null, \"due\": null}");
        assertEquals(Optional.empty(), cleared.note());
        assertEquals(Optional.empty(), cleared.due());
        Change given = read(Change.class, "{\"note\": \"call back\", \"due\": \"2026-02-01\"}");
        assertEquals(Optional.of("call back"), given.note());
        assertEquals(Optional.of(LocalDate.parse("2026-02-01")), given.due());
    }

    @Test
    void aDateIsIsoTextNeverANumber() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(Change.class, "{\"due\": 5}"));
        assertEquals(List.of(new Problem.FieldError("due", "must be an ISO-8601 date such as 2026-01-31")), e.errors());
        e = assertThrows(InvalidInputException.class, () -> read(Change.class, "{\"due\": \"2026-02-30\"}"));
        assertEquals("due", e.errors().get(0).field());
    }

    @Test
    void anEmptyBodyReadsAsNullForTheResourceToJudge() throws IOException {
        assertNull(read("  "));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPathWithWhatItMustBe() {
        assertInvalid("{\"items\": [{\"amount\": 1}, {\"amount\": 2}, {\"amount\": \"ten\"}]}", "items[2].amount", "must be a number");
        assertInvalid("{\"items\": [{\"quantity\": 1.5}]}", "items[0].quantity", "must be a whole number");
        assertInvalid("{\"items\": [{\"quantity\": \"2\"}]}", "items[0].quantity", "must be a whole number");
        assertInvalid("{\"note\": 42}", "note", "must be a string");
        assertInvalid("{\"paid\": \"yes\"}", "paid", "must be true or false");
        assertInvalid("{\"customerId\": \"nope\"}", "customerId", "must be an id (UUID)");
        assertInvalid("{\"stage\": \"PROSPECTING\"}", "stage", "must be one of prospecting, closed_won");
        assertInvalid("{\"at\": \"yesterday\"}", "at", "must be an ISO-8601 timestamp with offset, such as 2026-01-31T09:30:00Z");
        assertInvalid("{\"items\": {\"amount\": 1}}", "items", "must be a JSON array");
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\"items\": [{\"amount\": 1, \"price\": 2}]}"));
        assertEquals("items[0].price", e.errors().get(0).field());
        assertEquals("is not a field of this request; known: amount, quantity", e.errors().get(0).message());
    }

    @Test
    void aBodyThatIsNotAnObjectOrNotJsonIsMalformed() {
        MalformedRequestException notAnObject = assertThrows(MalformedRequestException.class, () -> read("[1]"));
        assertEquals("body", notAnObject.errors().get(0).field());
        assertThrows(JsonParseException.class, () -> read("{\"note\": "));
    }

    private void assertInvalid(String body, String field, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(body), body);
        assertEquals(List.of(new Problem.FieldError(field, message)), e.errors(), body);
    }

    private Order read(String body) throws IOException {
        return read(Order.class, body);
    }

    private <T> T read(Class<T> request, String body) throws IOException {
        @SuppressWarnings({ "unchecked", "rawtypes" })
        Class<Object> type = (Class) request;
        return request.cast(reader.readFrom(type, request, new java.lang.annotation.Annotation[0], null, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }
}
