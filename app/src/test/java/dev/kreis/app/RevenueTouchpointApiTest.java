package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;

/** The core's revenue events: subscription MRR changes and orders, in the installation's one currency. */
@QuarkusTest
class RevenueTouchpointApiTest {

    @Test
    void theRegistryListsTheFourRevenueTypes() {
        given().get("/api/v1/touchpoint-types").then().statusCode(200)
                .body("key", hasItems("revenue.subscription_started", "revenue.subscription_changed",
                        "revenue.subscription_cancelled", "revenue.order"));
    }

    @Test
    void aSubscriptionStartCarriesItsMonthlyRecurringRevenue() {
        Created anna = person("billing").email(email()).create();
        touchpointFor(anna.customerId()).type("revenue.subscription_started").set("amount", 49).set("currency", "EUR").ingest();

        given().queryParam("type", "revenue.subscription_started").get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().statusCode(200).body("items[0].amount", equalTo(49)).body("items[0].phase", equalTo("purchase"));
    }

    @Test
    void aCancellationWithoutAmountIsStoredAsZeroInTheInstallationCurrency() {
        Created anna = person("billing").email(email()).create();
        touchpointFor(anna.customerId()).type("revenue.subscription_cancelled").ingest();

        given().queryParam("type", "revenue.subscription_cancelled").get("/api/v1/customers/" + anna.customerId() + "/timeline")
                .then().statusCode(200).body("items[0].amount", equalTo(0)).body("items[0].currency", equalTo("EUR"));
    }

    @Test
    void aCancellationWithRevenueLeftIsRejected() {
        Created anna = person("billing").email(email()).create();
        touchpointFor(anna.customerId()).type("revenue.subscription_cancelled").set("amount", 10).set("currency", "EUR").post()
                .then().statusCode(422).body("errors.field", contains("amount"));
    }

    @Test
    void anOrderNeedsItsValue() {
        Created anna = person("shop").email(email()).create();
        touchpointFor(anna.customerId()).type("revenue.order").post()
                .then().statusCode(422).body("errors.field", contains("amount"))
                .body("errors[0].message", containsString("order value"));
    }

    @Test
    void aNegativeRevenueAmountIsRejected() {
        Created anna = person("shop").email(email()).create();
        touchpointFor(anna.customerId()).type("revenue.subscription_changed").set("amount", -5).set("currency", "EUR").post()
                .then().statusCode(422).body("errors.field", contains("amount"));
    }

    @Test
    void anAmountInAnotherCurrencyIsRejectedNamingTheInstallationCurrency() {
        Created anna = person("shop").email(email()).create();
        touchpointFor(anna.customerId()).type("revenue.order").set("amount", 20).set("currency", "USD").post()
                .then().statusCode(422).body("errors.field", contains("currency"))
                .body("errors[0].message", containsString("EUR"));
    }
}
