package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.postRaw;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every failure answers an RFC 9457 problem detail: type, title, status, detail, and errors naming fields. */
@QuarkusTest
class ProblemDetailsApiTest {

    @Test
    void aValidationFailureCarriesEveryProblemMember() {
        Fixtures.postJson("/api/v1/profiles", Map.of("source", "crm"))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", startsWith("https://"))
                .body("title", notNullValue())
                .body("status", equalTo(422))
                .body("detail", equalTo("externalId: is required"))
                .body("errors.field", contains("externalId"))
                .body("errors[0].message", equalTo("is required"));
    }

    @Test
    void malformedJsonIsA400WithoutFieldErrors() {
        postRaw("/api/v1/profiles", "{not json")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", startsWith("https://"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsA400NamingTheField() {
        postRaw("/api/v1/profiles", "{\"source\":\"crm\",\"externalId\":\"x\",\"attributes\":[1,2]}")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", contains("attributes"));
    }

    @Test
    void aNestedValueOfTheWrongJsonTypeIsNamedByItsPath() {
        postRaw("/api/v1/profiles", "{\"source\":\"crm\",\"externalId\":\"x\",\"identifiers\":[{\"type\":\"email\",\"value\":{\"a\":1}}]}")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("identifiers[0].value"));
    }

    @Test
    void aMalformedPathIdIsA400NamingTheParameter() {
        given().when().get("/api/v1/customers/12345")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", contains("id"))
                .body("errors[0].message", containsString("UUID"));
    }

    @Test
    void aBadQueryParameterIsA400NamingTheParameter() {
        given().queryParam("limit", "lots").when().get("/api/v1/customers")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("limit"));
    }

    @Test
    void anUnknownResourceIsA404Problem() {
        given().when().get("/api/v1/customers/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("detail", containsString("customer"));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void anUnsupportedMethodIsA405Problem() {
        given().when().delete("/api/v1/touchpoint-types")
                .then().statusCode(405).contentType(PROBLEM_JSON)
                .body("status", equalTo(405));
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        given().contentType(ContentType.TEXT).body("source=crm").when().post("/api/v1/profiles")
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("status", equalTo(415));
    }

    @Test
    void aConflictIsA409Problem() {
        Fixtures.ProfileBody organisation = Fixtures.organisation("crm").attribute("name", "Conflict " + Fixtures.unique());
        organisation.create();

        organisation.kind("person").post()
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", startsWith("https://"))
                .body("title", equalTo("Conflict"))
                .body("status", equalTo(409))
                .body("detail", containsString("organisation"));
    }
}
