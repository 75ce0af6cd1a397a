package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /api/v1/suppressions} and {@code DELETE /api/v1/suppressions/{receiptId}}: the list by erasure, and lifting it with a reason. */
@QuarkusTest
class SuppressionApiTest {

    private static String erased(String mail) {
        UUID customer = person("crm").name("Lia", "Lift" + unique()).email(mail).create().customerId();
        return postJson("/api/v1/customers/" + customer + "/erase", Map.of()).then().statusCode(201).extract().jsonPath().getString("receiptId");
    }

    @Test
    void anErasureIsListedAndLiftingItLetsThePersonComeBack() {
        String mail = email();
        String receipt = erased(mail);
        int count = given().get("/api/v1/suppressions").then().statusCode(200).body("items.receiptId", hasItem(receipt))
                .extract().jsonPath().getInt("items.find { it.receiptId == '" + receipt + "' }.identifiers");
        person("shop").external("shop", "s-" + unique()).email(mail).post().then().statusCode(409);

        given().queryParam("reason", "Customer asked to be contacted again, letter of 5 Dec").delete("/api/v1/suppressions/" + receipt)
                .then().statusCode(200).body("receiptId", equalTo(receipt)).body("lifted", equalTo(count));
        given().get("/api/v1/suppressions").then().statusCode(200).body("items.receiptId", not(hasItem(receipt)));
        person("shop").external("shop", "s-" + unique()).email(mail).post().then().statusCode(201);
        given().queryParam("action", "suppression.lifted").queryParam("targetId", receipt).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].after.reason", equalTo("Customer asked to be contacted again, letter of 5 Dec"));
    }

    @Test
    void liftingNeedsAReasonAndAnErasureWithEntries() {
        String receipt = erased(email());
        given().delete("/api/v1/suppressions/" + receipt).then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().queryParam("reason", "x".repeat(1001)).delete("/api/v1/suppressions/" + receipt).then().statusCode(422);
        given().queryParam("reason", "r").delete("/api/v1/suppressions/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("receiptId"));
        given().queryParam("reason", "r").delete("/api/v1/suppressions/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyPrivacyWritersMayLiftAndPrivacyReadersList() {
        String receipt = erased(email());
        for (String role : List.of("viewer", "marketing", "sales", "support")) {
            Staff.as(role).get("/api/v1/suppressions").then().statusCode(403);
            Staff.as(role).queryParam("reason", "r").delete("/api/v1/suppressions/" + receipt).then().statusCode(403);
        }
        Staff.as("cx-manager").get("/api/v1/suppressions").then().statusCode(200);
        given().auth().none().get("/api/v1/suppressions").then().statusCode(401);
        given().get("/api/v1/suppressions").then().body("items.receiptId", hasItem(receipt));
    }
}
