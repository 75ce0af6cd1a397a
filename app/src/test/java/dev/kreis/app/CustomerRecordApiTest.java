package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /api/v1/customers/{id}}: the golden record with provenance, identifiers and profiles. */
@QuarkusTest
class CustomerRecordApiTest {

    @Test
    void theGoldenRecordShowsEveryAttributeWithItsProvenance() {
        String address = email();
        String lastName = "Golden" + unique();
        Created crm = person("crm").name("Anna", lastName).email(address).observedAt("2025-01-10T08:00:00Z").create();
        Created shop = person("shop").attribute("city", "Köln").email(address).observedAt("2025-02-10T08:00:00Z").create();
        assertEquals(crm.customerId(), shop.customerId());

        given().when().get("/api/v1/customers/" + crm.customerId())
                .then().statusCode(200)
                .body("id", equalTo(crm.customerId().toString()))
                .body("kind", equalTo("person"))
                .body("displayName", equalTo("Anna " + lastName))
                .body("attributes.lastName.value", equalTo(lastName))
                .body("attributes.lastName.source", equalTo("crm"))
                .body("attributes.lastName.profileId", equalTo(crm.profileId().toString()))
                .body("attributes.lastName.observedAt", equalTo("2025-01-10T08:00:00Z"))
                .body("attributes.city.value", equalTo("Köln"))
                .body("attributes.city.source", equalTo("shop"))
                .body("attributes.city.profileId", equalTo(shop.profileId().toString()))
                .body("identifiers.source", containsInAnyOrder("crm", "shop"))
                .body("identifiers.profileId", containsInAnyOrder(crm.profileId().toString(), shop.profileId().toString()))
                .body("identifiers.value", contains(address, address))
                .body("profiles.id", contains(crm.profileId().toString(), shop.profileId().toString()))
                .body("profiles.source", contains("crm", "shop"))
                .body("profiles[1].attributes.city", equalTo("Köln"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void theMostRecentObservationWinsByDefault() {
        String address = email();
        String attribute = "colour" + unique();
        Created newer = person("crm").attribute(attribute, "blue").email(address).observedAt("2025-05-01T00:00:00Z").create();
        Created older = person("shop").attribute(attribute, "red").email(address).observedAt("2025-04-01T00:00:00Z").create();

        JsonPath customer = Fixtures.customer(older.customerId());
        assertEquals("blue", customer.getString("attributes." + attribute + ".value"));
        assertEquals(newer.profileId().toString(), customer.getString("attributes." + attribute + ".profileId"));
    }

    @Test
    void anOlderObservationArrivingLateDoesNotOverwriteANewerValue() {
        Fixtures.ProfileBody profile = person("crm").attribute("city", "Hamburg").observedAt("2025-06-01T00:00:00Z");
        Created created = profile.create();

        profile.attribute("city", "Bremen").observedAt("2025-05-01T00:00:00Z").post().then().statusCode(200);

        assertEquals("Hamburg", Fixtures.customer(created.customerId()).getString("attributes.city.value"));
    }

    @Test
    void aNullAttributeRemovesIt() {
        Fixtures.ProfileBody profile = person("crm").attribute("city", "Hamburg").observedAt("2025-06-01T00:00:00Z");
        Created created = profile.create();

        profile.attribute("city", null).observedAt("2025-06-02T00:00:00Z").post().then().statusCode(200);

        assertNull(Fixtures.customer(created.customerId()).get("attributes.city"));
    }

    @Test
    void displayNameFallsBackToTheEmailAddress() {
        String address = email();
        Created created = person("crm").email(address).create();

        assertEquals(address, Fixtures.customer(created.customerId()).getString("displayName"));
    }

    @Test
    void anUnknownCustomerIsA404Problem() {
        UUID unknown = UUID.randomUUID();
        given().when().get("/api/v1/customers/" + unknown)
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("title", notNullValue())
                .body("detail", equalTo("No customer with id " + unknown));
    }

    @Test
    void anIdThatIsNotAUuidIsA400NamingId() {
        given().when().get("/api/v1/customers/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("id"));
    }

    @Test
    void aMergedIdAnswersWithTheSurvivingCustomer() {
        Created survivor = person("crm").email(email()).create();
        Created absorbed = person("shop").email(email()).create();
        Fixtures.postJson("/api/v1/customers/" + survivor.customerId() + "/merge",
                Map.of("customerIds", List.of(absorbed.customerId()))).then().statusCode(200);

        JsonPath customer = Fixtures.customer(absorbed.customerId());
        assertEquals(survivor.customerId().toString(), customer.getString("id"));
        assertEquals(List.of(survivor.profileId().toString(), absorbed.profileId().toString()), customer.getList("profiles.id"));
    }
}
