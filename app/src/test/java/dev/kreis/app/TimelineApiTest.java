package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /api/v1/customers/{id}/timeline}: all profiles' touchpoints, newest first, filtered and paged. */
@QuarkusTest
class TimelineApiTest {
    private UUID customer;
    private List<String> profiles;
    private String webVisit;
    private String shopPurchase;
    private String npsAnswer;
    private String supportCall;

    /** One customer with two profiles and four touchpoints on different days, channels, phases and types. */
    @BeforeEach
    void customerWithFourTouchpoints() {
        String address = email();
        Created crm = person("crm").email(address).create();
        Created shop = person("shop").email(address).create();
        customer = crm.customerId();
        profiles = List.of(crm.profileId().toString(), shop.profileId().toString());
        webVisit = touchpointFor(customer).source("shop").channel("web").phase("awareness").occurredAt("2025-01-01T09:00:00Z").ingest();
        shopPurchase = touchpointFor(customer).source("shop").channel("store").phase("purchase").occurredAt("2025-01-03T09:00:00Z").ingest();
        npsAnswer = touchpointFor(customer).source("crm").type("feedback.nps").score(9).occurredAt("2025-01-05T09:00:00Z").ingest();
        supportCall = touchpointFor(customer).source("support").channel("phone").phase("retention").occurredAt("2025-01-04T09:00:00Z").ingest();
    }

    @Test
    void theTimelineHoldsTheTouchpointsOfAllProfilesNewestFirst() {
        given().when().get("/api/v1/customers/" + customer + "/timeline")
                .then().statusCode(200)
                .body("items.id", contains(npsAnswer, supportCall, shopPurchase, webVisit))
                .body("items.profileId", contains(profiles.get(0), profiles.get(0), profiles.get(1), profiles.get(1)))
                .body("nextCursor", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "channel=web, webVisit", "channel=store, shopPurchase", "type=feedback.nps, npsAnswer", "phase=retention, supportCall",
            "phase=advocacy, npsAnswer" })
    void eachFilterSelectsItsTouchpoints(String filter, String expected) {
        assertEquals(List.of(idOf(expected)), timeline("?" + filter).getList("items.id"));
    }

    @Test
    void theModuleFilterSelectsTheTouchpointsOfOneModule() {
        assertEquals(List.of(npsAnswer, supportCall, shopPurchase, webVisit), timeline("?module=core").getList("items.id"));
        assertEquals(List.of(), timeline("?module=marketing").getList("items.id"));
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        assertEquals(List.of(supportCall, shopPurchase),
                timeline("?from=2025-01-03T09:00:00Z&to=2025-01-05T09:00:00Z").getList("items.id"));
        assertEquals(List.of(npsAnswer), timeline("?from=2025-01-05T09:00:00Z").getList("items.id"));
        assertEquals(List.of(webVisit), timeline("?to=2025-01-03T09:00:00Z").getList("items.id"));
    }

    @Test
    void filtersCombine() {
        assertEquals(List.of(shopPurchase), timeline("?channel=store&phase=purchase&from=2025-01-02T00:00:00Z").getList("items.id"));
        assertEquals(List.of(), timeline("?channel=store&phase=awareness").getList("items.id"));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatingAnItem() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = timeline("?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(1, page.getList("items").size());
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(List.of(npsAnswer, supportCall, shopPurchase, webVisit), seen);
    }

    @Test
    void pagingWorksTogetherWithAFilter() {
        JsonPath first = timeline("?limit=1&channel=email");
        assertEquals(List.of(npsAnswer), first.getList("items.id"));
        assertNull(first.getString("nextCursor"));
        JsonPath shopFirst = timeline("?limit=1&from=2025-01-02T00:00:00Z&to=2025-01-05T00:00:00Z");
        assertEquals(List.of(supportCall), shopFirst.getList("items.id"));
        assertEquals(List.of(shopPurchase),
                timeline("?limit=1&from=2025-01-02T00:00:00Z&to=2025-01-05T00:00:00Z&cursor=" + shopFirst.getString("nextCursor"))
                        .getList("items.id"));
    }

    @Test
    void aCustomerWithoutTouchpointsHasAnEmptyTimeline() {
        Created quiet = person("crm").email(email()).create();

        given().when().get("/api/v1/customers/" + quiet.customerId() + "/timeline")
                .then().statusCode(200)
                .body("items", empty())
                .body("nextCursor", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "channel=pigeon, channel", "phase=euphoria, phase", "from=yesterday, from", "to=2025-13-01, to",
            "from=2025-01-05T00:00:00Z&to=2025-01-05T00:00:00Z, from", "from=2025-01-06T00:00:00Z&to=2025-01-05T00:00:00Z, from",
            "limit=0, limit", "limit=501, limit", "limit=ten, limit", "cursor=garbage, cursor" })
    void aBadQueryParameterIsA400NamingIt(String query, String parameter) {
        given().when().get("/api/v1/customers/" + customer + "/timeline?" + query)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", contains(parameter));
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        given().when().get("/api/v1/customers/" + UUID.randomUUID() + "/timeline")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void aMalformedCustomerIdIsA400NamingId() {
        given().when().get("/api/v1/customers/not-a-uuid/timeline")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("id"));
    }

    private JsonPath timeline(String query) {
        return given().when().get("/api/v1/customers/" + customer + "/timeline" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private String idOf(String name) {
        return switch (name) {
            case "webVisit" -> webVisit;
            case "shopPurchase" -> shopPurchase;
            case "npsAnswer" -> npsAnswer;
            case "supportCall" -> supportCall;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
