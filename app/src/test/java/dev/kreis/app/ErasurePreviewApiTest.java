package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code GET /api/v1/customers/{id}/erase/preview}: what an erasure would anonymise, counted, without a personal value. */
@QuarkusTest
class ErasurePreviewApiTest {

    @Test
    void countsWhatTheErasureWillAnonymiseAndTheReceiptMatchesIt() {
        String mail = email();
        String lastName = "Preview" + unique();
        UUID customer = person("crm").name("Erika", lastName).email(mail).create().customerId();
        touchpointFor(customer).post().then().statusCode(201);
        touchpointFor(customer).post().then().statusCode(201);

        String body = given().get("/api/v1/customers/" + customer + "/erase/preview").then().statusCode(200)
                .body("customerId", equalTo(customer.toString())).body("profiles", equalTo(1)).body("touchpoints", equalTo(2))
                .body("identifiers", equalTo(1)).body("sources", contains("crm"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat("the preview shows no personal value", body, not(containsString(mail)));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString(lastName)));
        int suppressed = given().get("/api/v1/customers/" + customer + "/erase/preview").then().extract().jsonPath().getInt("suppressedIdentifiers");

        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + customer + "/erase").then().statusCode(201)
                .body("profiles", equalTo(1)).body("touchpoints", equalTo(2)).body("suppressedIdentifiers", equalTo(suppressed));
    }

    @Test
    void anUnknownCustomerIsNotFoundAndAMalformedIdIsNamed() {
        given().get("/api/v1/customers/" + UUID.randomUUID() + "/erase/preview").then().statusCode(404);
        given().get("/api/v1/customers/not-a-uuid/erase/preview").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void onlyPrivacyReadersMayPreviewAnErasure() {
        UUID customer = person("crm").name("Erika", "Preview" + unique()).email(email()).create().customerId();
        for (String role : List.of("viewer", "marketing", "sales", "support")) {
            Staff.as(role).get("/api/v1/customers/" + customer + "/erase/preview").then().statusCode(403);
        }
        Staff.as("cx-manager").get("/api/v1/customers/" + customer + "/erase/preview").then().statusCode(200);
        given().auth().none().get("/api/v1/customers/" + customer + "/erase/preview").then().statusCode(401);
    }
}
