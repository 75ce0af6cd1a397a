package dev.kreis.app.modules.marketing;

import static dev.kreis.app.modules.marketing.Marketing.CAMPAIGNS;
import static dev.kreis.app.modules.marketing.Marketing.EMAIL_EVENTS;
import static dev.kreis.app.modules.marketing.Marketing.PROBLEM_JSON;
import static dev.kreis.app.modules.marketing.Marketing.campaign;
import static dev.kreis.app.modules.marketing.Marketing.consent;
import static dev.kreis.app.modules.marketing.Marketing.consenting;
import static dev.kreis.app.modules.marketing.Marketing.customer;
import static dev.kreis.app.modules.marketing.Marketing.event;
import static dev.kreis.app.modules.marketing.Marketing.listAudience;
import static dev.kreis.app.modules.marketing.Marketing.members;
import static dev.kreis.app.modules.marketing.Marketing.post;
import static dev.kreis.app.modules.marketing.Marketing.refresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.spi.customer.CustomerHolds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Members: the audience resolved by a refresh, each included or excluded at read time for consent
 * (purpose on the campaign's channel) and holds of scope campaigns, and sends only to included members.
 */
@QuarkusTest
class CampaignMembersApiTest {

    /** Holds placed straight through the SPI, under a name of their own so the support module's holds stay apart. */
    static final String HOLDER = "hold-test";

    @Inject
    CustomerHolds holds;

    @BeforeEach
    void installed() {
        ModuleAdmin.ensureEnabled("marketing");
    }

    static JsonPath member(JsonPath members, UUID customerId) {
        List<Map<String, Object>> items = members.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (customerId.toString().equals(items.get(i).get("customerId"))) {
                return new JsonPath(members.prettify()).setRootPath("items[" + i + "]");
            }
        }
        throw new AssertionError(customerId + " is not a member: " + members.prettify());
    }

    @Test
    void onlyCustomersWithConsentForThePurposeOnTheChannelAreIncluded() {
        UUID granted = consenting("marketing", "email");
        UUID anyChannel = consenting("marketing", "any");
        UUID otherChannel = consenting("marketing", "sms");
        UUID otherPurpose = consenting("newsletter", "email");
        UUID nothing = customer();
        UUID unknown = UUID.randomUUID();
        String id = campaign("email", listAudience(granted, anyChannel, otherChannel, otherPurpose, nothing, unknown));

        refresh(id);
        JsonPath refreshed = refresh(id);
        assertEquals(5, refreshed.getInt("members"));
        assertEquals(2, refreshed.getInt("included"));
        assertEquals(3, refreshed.getInt("excluded"));
        assertEquals(1, refreshed.getInt("skipped"), "the unknown id");

        JsonPath members = members(id);
        assertEquals(5, members.getList("items").size());
        assertNull(members.get("nextCursor"));
        assertEquals("included", member(members, granted).getString("status"));
        assertNull(member(members, granted).get("reason"));
        assertEquals("included", member(members, anyChannel).getString("status"));
        for (UUID excluded : List.of(otherChannel, otherPurpose, nothing)) {
            assertEquals("excluded", member(members, excluded).getString("status"));
            assertEquals("no consent for marketing on email", member(members, excluded).getString("reason"));
        }

        given().queryParam("status", "included").get(CAMPAIGNS + "/" + id + "/members").then().statusCode(200)
                .body("items.customerId", org.hamcrest.Matchers.containsInAnyOrder(granted.toString(), anyChannel.toString()));
        given().queryParam("status", "excluded").queryParam("limit", 2).get(CAMPAIGNS + "/" + id + "/members").then().statusCode(200)
                .body("items.status", contains("excluded", "excluded")).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aWithdrawnConsentExcludesAtOnceAndTheCampaignPurposeAndChannelAreWhatIsAsked() {
        UUID anna = consenting("promo", "sms");
        String sms = campaign("sms", listAudience(anna));
        given().contentType("application/json").body(Map.of("purpose", "promo")).patch(CAMPAIGNS + "/" + sms).then().statusCode(200);
        refresh(sms);
        assertEquals("included", member(members(sms), anna).getString("status"));

        consent(anna, "promo", "sms", "withdrawn");

        JsonPath after = member(members(sms), anna);
        assertEquals("excluded", after.getString("status"));
        assertEquals("no consent for promo on sms", after.getString("reason"));
    }

    @Test
    void aHoldExcludesWithItsReasonRefusesSendsAndLiftingItIncludesAgain() {
        UUID anna = consenting("marketing", "email");
        UUID ben = consenting("marketing", "email");
        String id = campaign("email", listAudience(anna, ben));
        refresh(id);
        String reference = "ticket-" + Fixtures.unique();
        String reason = "Open high-priority ticket " + reference + ": Invoice wrong";

        QuarkusTransaction.requiringNew().run(() -> holds.place(anna, CustomerHolds.CAMPAIGNS, HOLDER, reference, reason));
        try {
            JsonPath held = member(members(id), anna);
            assertEquals("excluded", held.getString("status"));
            assertEquals("held: " + reason, held.getString("reason"));
            assertEquals(HOLDER, held.getString("holds[0].placedBy"));
            assertEquals(reason, held.getString("holds[0].reason"));
            assertEquals("included", member(members(id), ben).getString("status"));

            post(EMAIL_EVENTS, event(id, anna, "sent", "2025-03-01T10:00:00Z")).then().statusCode(422).contentType(PROBLEM_JSON)
                    .body("errors.field", contains("customerId")).body("errors[0].message", containsString("held: " + reason));
            post(EMAIL_EVENTS, event(id, ben, "sent", "2025-03-01T10:00:00Z")).then().statusCode(201);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> holds.lift(CustomerHolds.CAMPAIGNS, HOLDER, reference));
        }

        assertEquals("included", member(members(id), anna).getString("status"), "holds are asked at read time");
        post(EMAIL_EVENTS, event(id, anna, "sent", "2025-03-01T10:00:00Z")).then().statusCode(201);
    }

    @Test
    void aListedIdMergedIntoAnotherCustomerBecomesTheSurvivorOnceWithItsConsent() {
        UUID survivor = consenting("marketing", "email");
        UUID merged = customer();
        String id = campaign("email", listAudience(merged, survivor));
        post("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(merged.toString()))).then().statusCode(200);

        JsonPath refreshed = refresh(id);
        assertEquals(1, refreshed.getInt("members"));
        assertEquals(1, refreshed.getInt("included"));
        assertEquals(List.of(survivor.toString()), members(id).getList("items.customerId"));
        post(EMAIL_EVENTS, event(id, merged, "sent", "2025-03-01T10:00:00Z")).then().statusCode(201)
                .body("customerId", equalTo(survivor.toString()));
    }

    @Test
    void aSegmentAudienceResolvesToTheCustomersWithThoseAttributes() {
        String company = "Segment " + Fixtures.unique();
        UUID a = Marketing.customer(Marketing.email(), Map.of("company", company));
        UUID b = Marketing.customer(Marketing.email(), Map.of("company", company));
        consent(a, "marketing", "web", "granted");
        Marketing.customer(Marketing.email(), Map.of("company", "Other " + Fixtures.unique()));
        String id = campaign("web", Map.of("type", "segment", "filter", Map.of("company", company)));

        JsonPath refreshed = refresh(id);
        assertEquals(2, refreshed.getInt("members"));
        assertEquals(1, refreshed.getInt("included"));
        JsonPath members = members(id);
        assertEquals("included", member(members, a).getString("status"));
        assertEquals("no consent for marketing on web", member(members, b).getString("reason"));
    }

    @Test
    void aRefreshFollowsTheChangedAudience() {
        UUID a = customer();
        UUID b = customer();
        String id = campaign("email", listAudience(a, b));
        refresh(id);
        given().contentType("application/json").body(Map.of("audience", listAudience(b))).patch(CAMPAIGNS + "/" + id).then().statusCode(200);
        assertEquals(2, members(id).getList("items").size(), "members change with the next refresh");

        assertEquals(1, refresh(id).getInt("members"));
        assertEquals(List.of(b.toString()), members(id).getList("items.customerId"));
    }

    @Test
    void membersPageByCursor() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(customer());
        }
        String id = campaign("email", listAudience(ids.toArray(UUID[]::new)));
        refresh(id);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(CAMPAIGNS + "/" + id + "/members").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.customerId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(ids.stream().map(UUID::toString).sorted().toList(), seen);
    }

    @Test
    void badMemberRequestsAre400Or404() {
        String id = campaign("email", listAudience(customer()));
        String unknown = UUID.randomUUID().toString();
        given().post(CAMPAIGNS + "/" + unknown + "/members/refresh").then().statusCode(404).contentType(PROBLEM_JSON);
        given().get(CAMPAIGNS + "/" + unknown + "/members").then().statusCode(404).contentType(PROBLEM_JSON);
        given().post(CAMPAIGNS + "/nope/members/refresh").then().statusCode(400).body("errors.field", contains("id"));
        given().get(CAMPAIGNS + "/nope/members").then().statusCode(400).body("errors.field", contains("id"));
        given().queryParam("status", "maybe").get(CAMPAIGNS + "/" + id + "/members").then().statusCode(400)
                .body("errors.field", contains("status"));
        given().queryParam("limit", 500).get(CAMPAIGNS + "/" + id + "/members").then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("cursor", "%%%").get(CAMPAIGNS + "/" + id + "/members").then().statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void everyoneOnStaffReadsMembersButOnlyMarketingRefreshes() {
        String id = campaign("email", listAudience(customer()));
        for (String role : List.of("viewer", "sales", "support", "cx-manager")) {
            Staff.as(role).get(CAMPAIGNS + "/" + id + "/members").then().statusCode(200);
            Staff.as(role).post(CAMPAIGNS + "/" + id + "/members/refresh").then().statusCode(403).contentType(PROBLEM_JSON);
        }
        Staff.as("marketing").post(CAMPAIGNS + "/" + id + "/members/refresh").then().statusCode(200).body("members", equalTo(1));
        Staff.as("integration").post(CAMPAIGNS + "/" + id + "/members/refresh").then().statusCode(200);
    }
}
