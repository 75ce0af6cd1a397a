package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Feedback surveys: definitions, invitations, and public single-use answers that become touchpoints. */
@QuarkusTest
class SurveyApiTest {

    @Inject
    Jdbc jdbc;

    static String survey(String kind) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "After-support " + kind, "kind", kind, "commentQuestion", "What could we do better?"))
                .post("/api/v1/surveys").then().statusCode(201).extract().jsonPath().getString("id");
    }

    static JsonPath invite(String surveyId, UUID customerId) {
        return given().contentType(ContentType.JSON).body(Map.of("customerId", customerId.toString()))
                .post("/api/v1/surveys/" + surveyId + "/invitations").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aNewSurveyGetsTheDefaultQuestionAndScaleOfItsKind() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Relationship NPS", "kind", "nps"))
                .post("/api/v1/surveys").then().statusCode(201)
                .body("kind", equalTo("nps"))
                .body("question", equalTo("How likely are you to recommend us to a friend or colleague?"))
                .body("scale.min", equalTo(0)).body("scale.max", equalTo(10))
                .body("validDays", equalTo(14));
    }

    @Test
    void anInvitationIsASingleUseLinkWhoseAnswerBecomesAFeedbackTouchpoint() {
        Created anna = person("crm").email(email()).create();
        String context = touchpointFor(anna.customerId()).ingest();
        String surveyId = survey("csat");
        JsonPath invitation = given().contentType(ContentType.JSON)
                .body(Map.of("customerId", anna.customerId().toString(), "context", Map.of("touchpointId", context)))
                .post("/api/v1/surveys/" + surveyId + "/invitations").then().statusCode(201)
                .body("token", startsWith("kr_")).body("responsePath", startsWith("/public/v1/responses/kr_"))
                .extract().jsonPath();
        String token = invitation.getString("token");

        given().auth().none().get("/public/v1/responses/" + token).then().statusCode(200)
                .body("kind", equalTo("csat")).body("commentQuestion", equalTo("What could we do better?"))
                .body("scale.max", equalTo(5));
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 4, "comment", "Quick and kind"))
                .post("/public/v1/responses/" + token).then().statusCode(201).body("status", equalTo("recorded"));

        given().queryParam("type", "feedback.csat").get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().statusCode(200)
                .body("items[0].score", equalTo(4))
                .body("items[0].source", equalTo("kreis-survey"))
                .body("items[0].payload.comment", equalTo("Quick and kind"))
                .body("items[0].payload.contextTouchpointId", equalTo(context))
                .body("items[0].payload.surveyId", equalTo(surveyId));
        given().get("/api/v1/surveys/" + surveyId).then().body("invitations", equalTo(1)).body("responses", equalTo(1));
    }

    @Test
    void anAnsweredLinkIsGone() {
        Created anna = person("crm").email(email()).create();
        String token = invite(survey("nps"), anna.customerId()).getString("token");
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 9)).post("/public/v1/responses/" + token)
                .then().statusCode(201);

        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 10)).post("/public/v1/responses/" + token)
                .then().statusCode(410).contentType("application/problem+json");
        given().auth().none().get("/public/v1/responses/" + token).then().statusCode(410);
        given().queryParam("type", "feedback.nps").get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().body("items.score", contains(9));
    }

    @Test
    void anErasedCustomerIsNotInvited() {
        Created anna = person("crm").email(email()).create();
        Created merged = person("crm").email(email()).create();
        Fixtures.postJson("/api/v1/customers/" + anna.customerId() + "/merge", Map.of("customerIds", List.of(merged.customerId())))
                .then().statusCode(200);
        String surveyId = survey("nps");
        ErasureApiTest.erase(anna.customerId(), null).then().statusCode(201);

        for (UUID id : List.of(anna.customerId(), merged.customerId())) {
            given().contentType(ContentType.JSON).body(Map.of("customerId", id.toString())).post("/api/v1/surveys/" + surveyId + "/invitations")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://kreis.dev/problems/customer-erased")).body("errors.field", contains("customerId"));
        }
    }

    @Test
    void aLinkOfAnErasedCustomerIsGoneEvenIfItWasNotExpired() {
        Created anna = person("crm").email(email()).create();
        JsonPath invitation = invite(survey("csat"), anna.customerId());
        ErasureApiTest.erase(anna.customerId(), null).then().statusCode(201);
        // as an invitation issued before invitations to erased customers were refused was left
        jdbc.update("update survey_invitation set expires_at = ? where id = ?", OffsetDateTime.now().plusDays(1),
                UUID.fromString(invitation.getString("id")));

        given().auth().none().get("/public/v1/responses/" + invitation.getString("token")).then().statusCode(410);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 5)).post("/public/v1/responses/" + invitation.getString("token"))
                .then().statusCode(410).contentType("application/problem+json");
    }

    @Test
    void aLinkOfADeletedSurveyIsGone() {
        Created anna = person("crm").email(email()).create();
        String surveyId = survey("ces");
        String token = invite(surveyId, anna.customerId()).getString("token");
        given().delete("/api/v1/surveys/" + surveyId).then().statusCode(204);

        given().auth().none().get("/public/v1/responses/" + token).then().statusCode(410);
        given().get("/api/v1/surveys/" + surveyId).then().statusCode(404);
    }

    @Test
    void aScoreOutsideTheScaleIs422AndLeavesTheLinkOpen() {
        Created anna = person("crm").email(email()).create();
        String token = invite(survey("ces"), anna.customerId()).getString("token");

        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 8)).post("/public/v1/responses/" + token)
                .then().statusCode(422).body("errors[0].field", equalTo("score"));
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 4.5)).post("/public/v1/responses/" + token)
                .then().statusCode(422).body("errors[0].field", equalTo("score"));
        given().auth().none().contentType(ContentType.JSON).body(Map.of()).post("/public/v1/responses/" + token)
                .then().statusCode(422).body("errors[0].field", equalTo("score"));

        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 7)).post("/public/v1/responses/" + token)
                .then().statusCode(201);
    }

    @Test
    void anOverlongCommentIs422() {
        Created anna = person("crm").email(email()).create();
        String token = invite(survey("nps"), anna.customerId()).getString("token");
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 5, "comment", "x".repeat(2001)))
                .post("/public/v1/responses/" + token).then().statusCode(422).body("errors[0].field", equalTo("comment"));
    }

    @Test
    void anUnknownTokenIs404() {
        given().auth().none().get("/public/v1/responses/kr_" + "a".repeat(43)).then().statusCode(404);
        given().auth().none().get("/public/v1/responses/nonsense").then().statusCode(404);
    }

    @Test
    void anInvitationForAnUnknownCustomerOrSurveyIs404() {
        String surveyId = survey("nps");
        given().contentType(ContentType.JSON).body(Map.of("customerId", UUID.randomUUID().toString()))
                .post("/api/v1/surveys/" + surveyId + "/invitations").then().statusCode(404);
        Created anna = person("crm").email(email()).create();
        given().contentType(ContentType.JSON).body(Map.of("customerId", anna.customerId().toString()))
                .post("/api/v1/surveys/" + UUID.randomUUID() + "/invitations").then().statusCode(404);
    }

    @Test
    void anInvitationWithoutCustomerOrWithAnUnknownContextIsNamed() {
        String surveyId = survey("nps");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/surveys/" + surveyId + "/invitations")
                .then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        Created anna = person("crm").email(email()).create();
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", anna.customerId().toString(), "context", Map.of("touchpointId", UUID.randomUUID().toString())))
                .post("/api/v1/surveys/" + surveyId + "/invitations").then().statusCode(422)
                .body("errors[0].field", equalTo("context.touchpointId"));
    }

    @Test
    void invalidSurveyFieldsAreEachNamed() {
        given().contentType(ContentType.JSON).body(Map.of("name", "", "kind", "stars", "validDays", 0))
                .post("/api/v1/surveys").then().statusCode(422)
                .body("errors.field", contains("name", "kind", "validDays"));
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/v1/surveys").then().statusCode(400);
    }

    @Test
    void aSurveysKindCannotChangeButItsWordingCan() {
        String surveyId = survey("nps");
        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "kind", "csat")).put("/api/v1/surveys/" + surveyId)
                .then().statusCode(422).body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "kind", "nps", "question", "Would you recommend us?"))
                .put("/api/v1/surveys/" + surveyId).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("question", equalTo("Would you recommend us?"));
    }

    @Test
    void theListShowsNewSurveysFirstAndNotDeletedOnes() {
        String kept = survey("nps");
        String deleted = survey("nps");
        given().delete("/api/v1/surveys/" + deleted).then().statusCode(204);
        given().queryParam("limit", 500).get("/api/v1/surveys").then().statusCode(200)
                .body("items.id", hasItem(kept)).body("items.id", not(hasItem(deleted)));
    }

    @Test
    void staffReadSurveysAndDepartmentsWriteThem() {
        Staff.as("viewer").get("/api/v1/surveys").then().statusCode(200);
        Staff.as("viewer").contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "nps")).post("/api/v1/surveys")
                .then().statusCode(403);
        Staff.as("support").contentType(ContentType.JSON).body(Map.of("name", "Support CSAT", "kind", "csat"))
                .post("/api/v1/surveys").then().statusCode(201).body("id", notNullValue());
        given().auth().none().get("/api/v1/surveys").then().statusCode(401);
    }

    @Test
    void integrationsInviteCustomers() {
        Created anna = person("crm").email(email()).create();
        String surveyId = survey("nps");
        Staff.as("integration").contentType(ContentType.JSON).body(Map.of("customerId", anna.customerId().toString()))
                .post("/api/v1/surveys/" + surveyId + "/invitations").then().statusCode(201);
        Staff.as("viewer").contentType(ContentType.JSON).body(Map.of("customerId", anna.customerId().toString()))
                .post("/api/v1/surveys/" + surveyId + "/invitations").then().statusCode(403);
    }

    @Test
    void scoresFromOtherToolsArriveThroughTheTouchpointApi() {
        Created anna = person("crm").email(email()).create();
        touchpointFor(anna.customerId()).type("feedback.nps").score(3).source("typeform").ingest();
        given().queryParam("type", "feedback.nps").get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().body("items.source", equalTo(List.of("typeform")));
    }
}
