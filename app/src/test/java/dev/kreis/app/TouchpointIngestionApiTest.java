package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.touchpointForEmail;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code POST /api/v1/touchpoints}: one touchpoint, idempotent on (source, externalId), validated against its type. */
@QuarkusTest
class TouchpointIngestionApiTest {

    @Test
    void anAcceptedTouchpointAnswers201WithItsIdAndCustomer() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).post()
                .then().statusCode(201)
                .body("touchpointId", notNullValue())
                .body("status", equalTo("accepted"))
                .body("customerId", equalTo(anna.customerId().toString()));
    }

    @Test
    void anAcceptedTouchpointIsStoredWithEveryField() {
        Created anna = person("crm").email(email()).create();

        String id = touchpointFor(anna.customerId()).source("shop").type("core.interaction").channel("web").phase("purchase")
                .set("initiator", "company").set("amount", 49.9).set("currency", "eur").set("payload", Map.of("order", "O-1", "items", 2))
                .occurredAt("2025-02-01T12:30:00+01:00").ingest();

        given().when().get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].source", equalTo("shop"))
                .body("items[0].type", equalTo("core.interaction"))
                .body("items[0].module", equalTo("core"))
                .body("items[0].channel", equalTo("web"))
                .body("items[0].phase", equalTo("purchase"))
                .body("items[0].initiator", equalTo("company"))
                .body("items[0].occurredAt", equalTo("2025-02-01T11:30:00Z"))
                .body("items[0].amount", equalTo(49.9f))
                .body("items[0].currency", equalTo("EUR"))
                .body("items[0].payload.order", equalTo("O-1"))
                .body("items[0].payload.items", equalTo(2))
                .body("items[0].profileId", equalTo(anna.profileId().toString()));
    }

    @Test
    void aTimeFinerThanAMicrosecondIsStoredRoundedToTheNearestMicrosecondOnEveryDatabase() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).occurredAt("2025-02-01T12:30:00.1234567Z").ingest();
        postJson("/api/v1/touchpoints/batch", Map.of("items", List.of(touchpointFor(anna.customerId()).externalId("batch-" + unique())
                .occurredAt("2025-02-02T12:30:00.1234567Z").json()))).then().statusCode(200).body("accepted", equalTo(1));

        given().when().get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().statusCode(200)
                .body("items.occurredAt", contains("2025-02-02T12:30:00.123457Z", "2025-02-01T12:30:00.123457Z"));
    }

    @Test
    void aTypeSuppliesTheDefaultChannelAndPhase() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).type("feedback.nps").score(9).ingest();

        given().when().get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().statusCode(200)
                .body("items[0].channel", equalTo("email"))
                .body("items[0].phase", equalTo("advocacy"))
                .body("items[0].score", equalTo(9));
    }

    @Test
    void wholeAmountsAndScoresAreWrittenAsPlainNumbers() {
        Created anna = person("crm").email(email()).create();
        touchpointFor(anna.customerId()).type("feedback.nps").score(10).occurredAt("2025-02-02T00:00:00Z").ingest();
        touchpointFor(anna.customerId()).set("amount", 100).set("currency", "EUR").occurredAt("2025-02-01T00:00:00Z").ingest();

        String body = given().when().get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().statusCode(200).extract().asString();

        assertTrue(body.contains("\"score\":10,") || body.contains("\"score\":10}"), body);
        assertTrue(body.contains("\"amount\":100,") || body.contains("\"amount\":100}"), body);
    }

    @Test
    void replayingATouchpointAnswers200DuplicateWithTheSameId() {
        Created anna = person("crm").email(email()).create();
        Fixtures.TouchpointBody touchpoint = touchpointFor(anna.customerId());
        String id = touchpoint.ingest();

        touchpoint.post()
                .then().statusCode(200)
                .body("status", equalTo("duplicate"))
                .body("touchpointId", equalTo(id))
                .body("customerId", equalTo(anna.customerId().toString()));
        assertEquals(List.of(id), Fixtures.timelineIds(anna.customerId()));
    }

    @Test
    void theSameExternalIdFromAnotherSourceIsAnotherTouchpoint() {
        Created anna = person("crm").email(email()).create();
        String externalId = "order-" + unique();

        String fromShop = touchpointFor(anna.customerId()).source("shop").externalId(externalId).ingest();
        String fromCrm = touchpointFor(anna.customerId()).source("crm").externalId(externalId).ingest();

        assertNotEquals(fromShop, fromCrm);
    }

    @Test
    void anUnknownTypeIsRejectedNamingTheType() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).type("marketing.webinar_attended").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("type"))
                .body("errors[0].message", containsString("marketing.webinar_attended"));
    }

    @ParameterizedTest(name = "{0} score {1}")
    @CsvSource({ "feedback.nps, 11", "feedback.nps, -1", "feedback.nps, 7.5", "feedback.csat, 0", "feedback.csat, 6",
            "feedback.ces, 0", "feedback.ces, 8" })
    void aScoreOutsideItsScaleIsRejected(String type, String score) {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).type(type).score(new BigDecimal(score)).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("score"))
                .body("errors[0].message", containsString(type));
    }

    @ParameterizedTest(name = "{0} score {1}")
    @CsvSource({ "feedback.nps, 0", "feedback.nps, 10", "feedback.csat, 1", "feedback.csat, 5", "feedback.ces, 1", "feedback.ces, 7" })
    void aScoreOnTheEdgeOfItsScaleIsAccepted(String type, int score) {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).type(type).score(score).post().then().statusCode(201);
    }

    @Test
    void aSurveyAnswerWithoutScoreIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).type("feedback.csat").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("score"));
    }

    @Test
    void aScoreOnAnInteractionIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).score(5).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("score"))
                .body("errors[0].message", containsString("core.interaction"));
    }

    @Test
    void anAmountWithoutCurrencyIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).set("amount", 10).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("currency"));
    }

    @Test
    void aCurrencyThatIsNotIso4217IsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).set("amount", 10).set("currency", "EURO").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("currency"));
    }

    @Test
    void bothCustomerIdAndCustomerIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).set("customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", email()))))
                .post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerId"));
    }

    @Test
    void neitherCustomerIdNorCustomerIsRejected() {
        touchpointFor(UUID.randomUUID()).without("customerId").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerId"));
    }

    @Test
    void anUnknownCustomerIdIsRejected() {
        UUID unknown = UUID.randomUUID();

        touchpointFor(unknown).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerId"))
                .body("errors[0].message", containsString(unknown.toString()));
    }

    @Test
    void aMissingOccurredAtIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).without("occurredAt").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("occurredAt"));
    }

    @Test
    void anOccurredAtThatIsNotIsoIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).occurredAt("01.03.2025 10:00").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("occurredAt"));
    }

    @Test
    void anOccurredAtFarInTheFutureIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).occurredAt("2999-01-01T00:00:00Z").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("occurredAt"))
                .body("errors[0].message", containsString("future"));
    }

    @Test
    void anInvalidChannelPhaseAndInitiatorAreEachNamed() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).channel("pigeon").phase("euphoria").set("initiator", "nobody").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("channel", "phase", "initiator"));
    }

    @Test
    void missingSourceExternalIdAndTypeAreEachNamed() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).without("source").without("externalId").without("type").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", hasItems("source", "externalId", "type"));
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRejected() {
        Created anna = person("crm").email(email()).create();

        touchpointFor(anna.customerId()).set("payload", List.of(1, 2)).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("payload"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        Fixtures.postRaw("/api/v1/touchpoints", "{\"source\":\"shop\",\"externalId\":")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400));
    }

    @Test
    void anUnknownEmailCreatesANewCustomerFoundBySearch() {
        String address = email();

        String customerId = touchpointForEmail(address).post()
                .then().statusCode(201).body("status", equalTo("accepted"))
                .extract().jsonPath().getString("customerId");

        given().queryParam("q", address).when().get("/api/v1/customers")
                .then().statusCode(200)
                .body("items.id", contains(customerId))
                .body("items[0].email", equalTo(address));
        assertEquals(1, Fixtures.timelineIds(UUID.fromString(customerId)).size());
    }

    @Test
    void aKnownEmailAttachesToTheCustomerCarryingIt() {
        String address = email();
        Created anna = person("crm").email(address).create();

        touchpointForEmail(address.toUpperCase()).post()
                .then().statusCode(201)
                .body("customerId", equalTo(anna.customerId().toString()));
    }

    @Test
    void aTouchpointForAMergedIdAttachesToTheSurvivor() {
        Created a = person("crm").email(email()).create();
        Created b = person("shop").email(email()).create();
        Fixtures.postJson("/api/v1/customers/" + a.customerId() + "/merge", Map.of("customerIds", List.of(b.customerId())))
                .then().statusCode(200);

        touchpointFor(b.customerId()).post()
                .then().statusCode(201)
                .body("customerId", equalTo(a.customerId().toString()));
    }

    @Test
    void anInvalidIdentifierIsNamedByItsPath() {
        touchpointForEmail("not-an-email").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customer.identifiers[0].value"));
    }

    @Test
    void theRegistryListsTheCoreTouchpointTypes() {
        JsonPath types = given().when().get("/api/v1/touchpoint-types").then().statusCode(200).extract().jsonPath();

        List<String> keys = types.getList("key");
        assertTrue(keys.containsAll(List.of("core.interaction", "feedback.nps", "feedback.csat", "feedback.ces")), keys.toString());
        for (String key : List.of("core.interaction", "feedback.nps", "feedback.csat", "feedback.ces")) {
            assertEquals("core", types.getString("find { it.key == '" + key + "' }.owner"));
        }
        assertEquals("nps", types.getString("find { it.key == 'feedback.nps' }.scoreScale"));
        assertEquals("csat", types.getString("find { it.key == 'feedback.csat' }.scoreScale"));
        assertEquals("ces", types.getString("find { it.key == 'feedback.ces' }.scoreScale"));
        assertEquals("enhancement", types.getString("find { it.key == 'feedback.nps' }.pyramidLevel"));
        assertEquals("engagement", types.getString("find { it.key == 'feedback.ces' }.pyramidLevel"));
        assertEquals(null, types.getString("find { it.key == 'core.interaction' }.pyramidLevel"));
    }
}
