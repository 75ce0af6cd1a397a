package dev.kreis.app.kafka;

import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.platform.ingest.kafka.KafkaRecords;
import dev.kreis.platform.ingest.kafka.KafkaRecords.Incoming;
import dev.kreis.platform.ingest.kafka.KafkaRecords.Outcome;
import dev.kreis.platform.ingest.kafka.KafkaRecords.Rejected;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What Kafka ingest does with the records of one poll, without a broker: the same validation and idempotency as
 * the HTTP API, and a problem per rejected record (or rejected item of a batch body) for the dead-letter topic.
 * The broker, the commits and the nodes are the Kafka suite's (KafkaIngestIT, mvn -Pkafka).
 */
@QuarkusTest
class KafkaRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KafkaRecords records;

    @Test
    void aTouchpointRecordIsStoredAndTheSameRecordAgainIsADuplicate() {
        String source = "kafka-" + unique();
        String body = touchpoint(source, "one").toString();

        Outcome first = records.touchpoints(List.of(incoming(0, body)));
        Outcome again = records.touchpoints(List.of(incoming(1, body), incoming(2, body)));

        assertEquals(1, first.accepted());
        assertEquals(0, again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(List.of(), again.rejected());
    }

    @Test
    void aRejectedItemOfABatchBodyIsNamedByItsPositionAndItsSiblingsAreStored() {
        String source = "kafka-" + unique();
        ObjectNode future = touchpoint(source, "future");
        future.put("occurredAt", "2999-01-01T00:00:00Z");
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("items").add(touchpoint(source, "good")).add(future);

        Outcome outcome = records.touchpoints(List.of(incoming(7, batch.toString())));

        assertEquals(1, outcome.accepted());
        Rejected rejected = outcome.rejected().get(0);
        assertEquals(1, outcome.rejected().size());
        assertEquals(422, rejected.problem().status());
        assertEquals("items[1].occurredAt", rejected.problem().errors().get(0).field());
        assertEquals(1, rejected.item());
        assertEquals(7, rejected.offset());
        assertEquals("future", readTree(rejected.record()).path("externalId").asText());
    }

    @Test
    void aRecordThatIsNotAJsonObjectIsMalformed() {
        Outcome outcome = records.touchpoints(List.of(incoming(0, "not json"), incoming(1, "[1, 2]")));

        assertEquals(2, outcome.rejected().size());
        for (Rejected rejected : outcome.rejected()) {
            assertEquals(400, rejected.problem().status());
            assertEquals("https://kreis.dev/problems/malformed-request", rejected.problem().type());
            assertEquals("body", rejected.problem().errors().get(0).field());
            assertNull(rejected.item());
        }
        assertEquals("not json", outcome.rejected().get(0).record());
    }

    @Test
    void aProfileRecordIsAdmittedAndAnInvalidOneRejectedNamingTheField() {
        String source = "kafka-" + unique();
        ObjectNode profile = JSON.createObjectNode();
        profile.put("source", source);
        profile.put("externalId", "p-1");
        profile.putArray("identifiers").addObject().put("type", "email").put("value", unique() + "@kafka.example");
        ObjectNode robot = profile.deepCopy();
        robot.put("externalId", "p-2");
        robot.put("kind", "robot");

        Outcome outcome = records.profiles(List.of(new Incoming("kreis.profiles", 0, 0, "p-1", profile.toString()),
                new Incoming("kreis.profiles", 0, 1, "p-2", robot.toString())));

        assertEquals(1, outcome.accepted());
        assertEquals(1, outcome.rejected().size());
        assertEquals(422, outcome.rejected().get(0).problem().status());
        assertEquals("kind", outcome.rejected().get(0).problem().errors().get(0).field());
        assertEquals("p-2", outcome.rejected().get(0).key());
    }

    @Test
    void kafkaIngestIsOffByDefaultAndSaysSoInHealth() {
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.findAll { it.name == 'kafka-ingest' }.data.enabled",
                hasItem(false));
    }

    private static Incoming incoming(long offset, String value) {
        return new Incoming("kreis.touchpoints", 0, offset, "k", value);
    }

    private static ObjectNode touchpoint(String source, String externalId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("source", source);
        body.put("externalId", externalId);
        body.put("type", "core.interaction");
        body.put("occurredAt", "2025-03-01T10:00:00Z");
        body.putObject("customer").putArray("identifiers").addObject().put("type", "email").put("value", externalId + "-" + source + "@kafka.example");
        return body;
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
