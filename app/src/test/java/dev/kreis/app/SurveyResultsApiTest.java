package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.HashMap;
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

/** A survey's results (distribution, figure, trend) and its answers with comments, each with its customer. */
@QuarkusTest
class SurveyResultsApiTest {

    @Inject
    Jdbc jdbc;

    @Inject
    dev.kreis.platform.touchpoint.persistence.TouchpointPartitions partitions;

    /** A customer answers the survey at the given time; answers the customer's id. */
    private UUID answer(String surveyId, int score, String comment, String answeredAt) {
        Created customer = person("crm").email(email()).create();
        String token = SurveyApiTest.invite(surveyId, customer.customerId()).getString("token");
        Map<String, Object> body = new HashMap<>(Map.of("score", score));
        if (comment != null) {
            body.put("comment", comment);
        }
        given().auth().none().contentType(ContentType.JSON).body(body).post("/public/v1/responses/" + token).then().statusCode(201);
        UUID touchpointId = jdbc.query("select response_touchpoint_id from survey_invitation where customer_id = ?",
                row -> Jdbc.uuid(row, "response_touchpoint_id"), customer.customerId()).get(0);
        // Moving a stored touchpoint in time (which only the test does) needs the target month's partition on PostgreSQL.
        partitions.ensure(java.util.List.of(OffsetDateTime.parse(answeredAt)));
        jdbc.update("update touchpoint set occurred_at = ? where id = ?", OffsetDateTime.parse(answeredAt), touchpointId);
        return customer.customerId();
    }

    @Test
    void theResultsCountEveryScoreOfTheScaleAndGiveTheNpsPerMonth() {
        String surveyId = SurveyApiTest.survey("nps");
        answer(surveyId, 10, "Great", "2011-03-15T10:00:00Z");
        answer(surveyId, 9, null, "2011-04-02T10:00:00Z");
        answer(surveyId, 3, "Slow", "2011-04-20T10:00:00Z");

        given().get("/api/v1/surveys/" + surveyId + "/results").then().statusCode(200)
                .body("surveyId", equalTo(surveyId)).body("kind", equalTo("nps")).body("answers", equalTo(3))
                .body("value", equalTo(33.3333f)).body("interval", equalTo("month"))
                .body("distribution", hasSize(11))
                .body("distribution.score", contains(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
                .body("distribution.answers", contains(0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1));
        given().get("/api/v1/surveys/" + surveyId + "/results").then()
                .body("trend.from", contains("2011-03-01", "2011-04-01"))
                .body("trend[0].answers", equalTo(1)).body("trend[0].value", equalTo(100.0f))
                .body("trend[1].answers", equalTo(2)).body("trend[1].value", equalTo(0.0f));
    }

    @Test
    void weeklyTrendPeriodsStartOnMondayAndCsatIsTheTopTwoBoxShare() {
        String surveyId = SurveyApiTest.survey("csat");
        answer(surveyId, 5, null, "2011-04-02T10:00:00Z");
        answer(surveyId, 2, null, "2011-03-28T00:00:00Z");
        answer(surveyId, 4, null, "2011-04-20T23:59:00Z");

        given().queryParam("interval", "week").get("/api/v1/surveys/" + surveyId + "/results").then().statusCode(200)
                .body("interval", equalTo("week")).body("value", equalTo(66.6667f))
                .body("distribution.answers", contains(0, 1, 0, 1, 1))
                .body("trend.from", contains("2011-03-28", "2011-04-18"))
                .body("trend.answers", contains(2, 1))
                .body("trend.value", contains(50.0f, 100.0f));
    }

    @Test
    void aSurveyWithoutAnswersHasZeroCountsAndNoFigure() {
        String surveyId = SurveyApiTest.survey("ces");
        given().get("/api/v1/surveys/" + surveyId + "/results").then().statusCode(200)
                .body("answers", equalTo(0)).body("value", nullValue()).body("distribution", hasSize(7)).body("trend", hasSize(0));
        given().get("/api/v1/surveys/" + surveyId + "/answers").then().statusCode(200).body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void theAnswersComeNewestFirstWithCommentAndCustomerPageByPage() {
        String surveyId = SurveyApiTest.survey("nps");
        UUID first = answer(surveyId, 10, "Great", "2011-03-15T10:00:00Z");
        UUID second = answer(surveyId, 9, null, "2011-04-02T10:00:00Z");
        UUID third = answer(surveyId, 3, "Slow", "2011-04-20T10:00:00Z");

        JsonPath page = given().queryParam("limit", 2).get("/api/v1/surveys/" + surveyId + "/answers").then().statusCode(200)
                .body("items.customerId", contains(third.toString(), second.toString()))
                .body("items.score", contains(3, 9))
                .body("items[0].comment", equalTo("Slow")).body("items[1].comment", nullValue())
                .body("items[0].answeredAt", notNullValue()).body("nextCursor", notNullValue())
                .extract().jsonPath();
        given().queryParam("limit", 2).queryParam("cursor", page.getString("nextCursor"))
                .get("/api/v1/surveys/" + surveyId + "/answers").then().statusCode(200)
                .body("items.customerId", contains(first.toString())).body("items[0].comment", equalTo("Great"))
                .body("nextCursor", nullValue());
    }

    @Test
    void badInputIsNamedAndAnUnknownSurveyIs404() {
        String surveyId = SurveyApiTest.survey("nps");
        given().queryParam("interval", "year").get("/api/v1/surveys/" + surveyId + "/results").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("interval"))
                .body("detail", containsString("week, month"));
        given().get("/api/v1/surveys/not-a-uuid/results").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("id"));
        given().queryParam("limit", 0).get("/api/v1/surveys/" + surveyId + "/answers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "forged").get("/api/v1/surveys/" + surveyId + "/answers").then().statusCode(400);
        given().get("/api/v1/surveys/" + UUID.randomUUID() + "/results").then().statusCode(404);
        given().get("/api/v1/surveys/" + UUID.randomUUID() + "/answers").then().statusCode(404);
    }

    @Test
    void everyStaffRoleReadsResultsAndAnswersButNotAnonymously() {
        String surveyId = SurveyApiTest.survey("nps");
        for (String role : List.of("admin", "cx-manager", "marketing", "sales", "support", "viewer", "integration")) {
            Staff.as(role).get("/api/v1/surveys/" + surveyId + "/results").then().statusCode(200);
            Staff.as(role).get("/api/v1/surveys/" + surveyId + "/answers").then().statusCode(200);
        }
        given().auth().none().get("/api/v1/surveys/" + surveyId + "/results").then().statusCode(401);
        given().auth().none().get("/api/v1/surveys/" + surveyId + "/answers").then().statusCode(401);
    }
}
