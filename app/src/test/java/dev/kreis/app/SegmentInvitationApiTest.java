package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code POST /api/v1/surveys/{id}/invitations/segment}: a count preview, then one invitation per customer of the segment. */
@QuarkusTest
class SegmentInvitationApiTest {

    private static String survey() {
        return postJson("/api/v1/surveys", Map.of("name", "Segment NPS " + unique(), "kind", "nps")).then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    /** Three persons sharing a last name nobody else has, so the search text is the segment. */
    private static List<UUID> family(String lastName) {
        return List.of(1, 2, 3).stream()
                .map(i -> person("crm").name("Kim" + i, lastName).email(email()).create().customerId()).toList();
    }

    private static JsonPath segment(String surveyId, Map<String, Object> body, int status) {
        return postJson("/api/v1/surveys/" + surveyId + "/invitations/segment", body).then().statusCode(status).extract().jsonPath();
    }

    private static long invitations(String surveyId) {
        return given().get("/api/v1/surveys/" + surveyId).then().statusCode(200).extract().jsonPath().getLong("invitations");
    }

    @Test
    void thePreviewCountsTheSegmentAndInvitesNobody() {
        String lastName = "Segment" + unique();
        family(lastName);
        String survey = survey();

        JsonPath preview = segment(survey, Map.of("q", lastName, "limit", 10, "preview", true), 200);

        assertEquals(3, preview.getInt("matched"));
        assertEquals(false, preview.getBoolean("more"));
        assertEquals(true, preview.getBoolean("preview"));
        assertTrue(preview.getList("invitations").isEmpty());
        assertEquals(0, invitations(survey));
    }

    @Test
    void everyCustomerOfTheSegmentGetsOneWorkingLinkUpToTheLimit() {
        String lastName = "Segment" + unique();
        List<UUID> members = family(lastName);
        String survey = survey();

        JsonPath limited = segment(survey, Map.of("q", lastName, "limit", 2, "preview", true), 200);
        assertEquals(2, limited.getInt("matched"));
        assertEquals(true, limited.getBoolean("more"), "a third customer matches beyond the limit");

        JsonPath invited = segment(survey, Map.of("q", lastName, "limit", 3), 200);
        assertEquals(3, invited.getInt("matched"));
        assertEquals(false, invited.getBoolean("preview"));
        assertEquals(members.stream().map(UUID::toString).sorted().toList(),
                invited.getList("invitations.customerId", String.class).stream().sorted().toList());
        assertEquals(3, invitations(survey));
        String token = invited.getString("invitations[0].token");
        assertEquals("/answer/" + token, invited.getString("invitations[0].answerPath"));
        given().auth().none().get("/public/v1/responses/" + token).then().statusCode(200);
    }

    @Test
    void theKindAndSourceFiltersNarrowTheSegment() {
        String lastName = "Segment" + unique();
        family(lastName);
        String survey = survey();

        assertEquals(0, segment(survey, Map.of("q", lastName, "kind", "organisation", "limit", 10, "preview", true), 200).getInt("matched"));
        assertEquals(0, segment(survey, Map.of("q", lastName, "source", "shop", "limit", 10, "preview", true), 200).getInt("matched"));
        assertEquals(3, segment(survey, Map.of("q", lastName, "kind", "person", "source", "crm", "limit", 10, "preview", true), 200)
                .getInt("matched"));
    }

    @Test
    void aMissingOrTooLargeLimitAndInvalidFiltersAreNamedAndNobodyIsInvited() {
        String survey = survey();
        Map<String, Object> bad = new HashMap<>();
        bad.put("q", "x".repeat(201));
        bad.put("kind", "robot");
        bad.put("source", "Not A Source");
        postJson("/api/v1/surveys/" + survey + "/invitations/segment", bad).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("q", "kind", "source", "limit"));
        postJson("/api/v1/surveys/" + survey + "/invitations/segment", Map.of("limit", 501)).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("limit"));
        postJson("/api/v1/surveys/" + survey + "/invitations/segment", Map.of("limit", 0)).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("limit"));
        given().contentType("application/json").body("{not json").post("/api/v1/surveys/" + survey + "/invitations/segment").then()
                .statusCode(400);
        assertEquals(0, invitations(survey));
    }

    @Test
    void anUnknownSurveyIsNotFoundAndAMalformedIdIsRefused() {
        postJson("/api/v1/surveys/" + UUID.randomUUID() + "/invitations/segment", Map.of("limit", 1, "preview", true)).then()
                .statusCode(404).body("status", equalTo(404));
        postJson("/api/v1/surveys/not-a-uuid/invitations/segment", Map.of("limit", 1)).then().statusCode(400);
    }

    @Test
    void onlyFeedbackWritersInviteASegment() {
        String lastName = "Segment" + unique();
        family(lastName);
        String survey = survey();
        Staff.as("viewer").contentType("application/json").body(Map.of("q", lastName, "limit", 5)).post("/api/v1/surveys/" + survey
                + "/invitations/segment").then().statusCode(403);
        given().auth().none().contentType("application/json").body(Map.of("q", lastName, "limit", 5))
                .post("/api/v1/surveys/" + survey + "/invitations/segment").then().statusCode(401);
        assertEquals(0, invitations(survey));
        Staff.as("marketing").contentType("application/json").body(Map.of("q", lastName, "limit", 5)).post("/api/v1/surveys/" + survey
                + "/invitations/segment").then().statusCode(200).body("invitations", org.hamcrest.Matchers.hasSize(3));
        assertEquals(3, invitations(survey));
    }

    @Test
    void anEmptySegmentInvitesNobody() {
        String survey = survey();
        JsonPath none = segment(survey, Map.of("q", "nobody-" + unique(), "limit", 5), 200);
        assertEquals(0, none.getInt("matched"));
        assertEquals(0, invitations(survey));
    }
}
