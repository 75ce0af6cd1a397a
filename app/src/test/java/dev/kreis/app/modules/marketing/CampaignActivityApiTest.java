package dev.kreis.app.modules.marketing;

import static dev.kreis.app.modules.marketing.Marketing.CAMPAIGNS;
import static dev.kreis.app.modules.marketing.Marketing.EMAIL_EVENTS;
import static dev.kreis.app.modules.marketing.Marketing.PROBLEM_JSON;
import static dev.kreis.app.modules.marketing.Marketing.WEB_VISITS;
import static dev.kreis.app.modules.marketing.Marketing.campaign;
import static dev.kreis.app.modules.marketing.Marketing.campaignBody;
import static dev.kreis.app.modules.marketing.Marketing.consenting;
import static dev.kreis.app.modules.marketing.Marketing.customer;
import static dev.kreis.app.modules.marketing.Marketing.emailCampaign;
import static dev.kreis.app.modules.marketing.Marketing.event;
import static dev.kreis.app.modules.marketing.Marketing.listAudience;
import static dev.kreis.app.modules.marketing.Marketing.post;
import static dev.kreis.app.modules.marketing.Marketing.refresh;
import static dev.kreis.app.modules.marketing.Marketing.visit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A campaign's activity (e-mail event counts per kind, tagged and member web visits) and its e-mail event list: bad input, permissions. */
@QuarkusTest
class CampaignActivityApiTest {

    @BeforeEach
    void installed() {
        ModuleAdmin.ensureEnabled("marketing");
    }

    private static JsonPath activity(String id) {
        return given().get(CAMPAIGNS + "/" + id + "/activity").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> visitTo(UUID customerId, String url, String occurredAt) {
        Map<String, Object> body = visit(customerId, occurredAt);
        body.put("url", url);
        return body;
    }

    @Test
    void countsEveryEmailEventKindWithDistinctCustomersAndZeroForKindsWithoutEvents() {
        UUID anna = consenting("marketing", "email");
        UUID ben = consenting("marketing", "email");
        String id = emailCampaign(anna, ben);
        String other = emailCampaign(anna);
        post(EMAIL_EVENTS, Map.of("events", List.of(event(id, anna, "sent", "2025-03-01T10:00:00Z"), event(id, ben, "sent", "2025-03-01T10:00:00Z"),
                event(id, anna, "opened", "2025-03-01T11:00:00Z"), event(id, anna, "opened", "2025-03-02T11:00:00Z"),
                event(id, ben, "bounced", "2025-03-01T10:05:00Z"), event(other, anna, "clicked", "2025-03-03T10:00:00Z"))))
                .then().statusCode(200).body("accepted", equalTo(6));

        given().get(CAMPAIGNS + "/" + id + "/activity").then().statusCode(200)
                .body("campaignId", equalTo(id))
                .body("email.event", contains("sent", "delivered", "opened", "clicked", "bounced", "unsubscribed"))
                .body("email.type", contains("marketing.email_sent", "marketing.email_delivered", "marketing.email_opened",
                        "marketing.email_clicked", "marketing.email_bounced", "marketing.email_unsubscribed"))
                .body("email.events", contains(2, 0, 2, 0, 1, 0))
                .body("email.customers", contains(2, 0, 1, 0, 1, 0))
                .body("lastEmailEventAt", equalTo("2025-03-02T11:00:00Z"));
        given().get(CAMPAIGNS + "/" + other + "/activity").then().statusCode(200).body("email.events", contains(0, 0, 0, 1, 0, 0));
    }

    @Test
    void aNewCampaignHasOnlyZeroes() {
        String id = campaign("email", listAudience(customer()));
        given().get(CAMPAIGNS + "/" + id + "/activity").then().statusCode(200)
                .body("email.events", everyItem(equalTo(0))).body("lastEmailEventAt", nullValue())
                .body("web.taggedVisits", equalTo(0)).body("web.memberVisits", equalTo(0));
    }

    @Test
    void attributesOnlyVisitsTaggedWithTheCampaignIdAndReportsMemberVisitsWithinThePeriodApart() {
        UUID anna = customer();
        UUID ben = customer();
        UUID stranger = customer();
        Map<String, Object> body = campaignBody("web", listAudience(anna, ben));
        body.put("startsOn", "2025-03-01");
        body.put("endsOn", "2025-03-31");
        String id = post(CAMPAIGNS, body).then().statusCode(201).extract().path("id");
        refresh(id);
        String tagged = "https://shop.example.com/spring?utm_source=news&utm_campaign=" + id;
        post(WEB_VISITS, visitTo(stranger, tagged, "2025-03-05T10:00:00Z")).then().statusCode(201);
        post(WEB_VISITS, visitTo(stranger, "https://shop.example.com/spring?utm_campaign=" + id.toUpperCase(), "2025-03-06T10:00:00Z"))
                .then().statusCode(201);
        post(WEB_VISITS, visitTo(anna, tagged, "2025-03-07T10:00:00Z")).then().statusCode(201);
        // Not attributed: the id in the path or in another parameter, or the campaign's name as utm_campaign.
        post(WEB_VISITS, visitTo(stranger, "https://shop.example.com/" + id, "2025-03-05T10:00:00Z")).then().statusCode(201);
        post(WEB_VISITS, visitTo(stranger, "https://shop.example.com/?ref=" + id, "2025-03-05T10:00:00Z")).then().statusCode(201);
        post(WEB_VISITS, visitTo(stranger, "https://shop.example.com/?utm_campaign=spring-sale", "2025-03-05T10:00:00Z")).then().statusCode(201);
        // Member visits: in the period (endsOn inclusive) count, before and after do not.
        post(WEB_VISITS, visit(ben, "2025-03-31T23:59:00Z")).then().statusCode(201);
        post(WEB_VISITS, visit(ben, "2025-02-28T23:59:00Z")).then().statusCode(201);
        post(WEB_VISITS, visit(ben, "2025-04-01T00:00:00Z")).then().statusCode(201);

        given().get(CAMPAIGNS + "/" + id + "/activity").then().statusCode(200)
                .body("web.taggedVisits", equalTo(3)).body("web.taggedVisitors", equalTo(2))
                .body("web.memberVisits", equalTo(2)).body("web.memberVisitors", equalTo(2))
                .body("web.from", equalTo("2025-03-01T00:00:00Z")).body("web.to", equalTo("2025-04-01T00:00:00Z"))
                .body("email.events", everyItem(equalTo(0)));
    }

    @Test
    void anUnknownCampaignIs404AndAMalformedIdIs400NamingTheField() {
        UUID unknown = UUID.randomUUID();
        given().get(CAMPAIGNS + "/" + unknown + "/activity").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", containsString(unknown.toString()));
        given().get(CAMPAIGNS + "/not-a-uuid/activity").then().statusCode(400).contentType(PROBLEM_JSON)
                .body(containsString("\"id\""));
    }

    @Test
    void everyReadingRoleMayReadTheActivityIntegrationMayNotAndAnonymousIsRefused() {
        String id = campaign("email", listAudience(customer()));
        for (String role : List.of("admin", "cx-manager", "marketing", "sales", "support", "viewer")) {
            Staff.as(role).get(CAMPAIGNS + "/" + id + "/activity").then().statusCode(200);
        }
        Staff.as("integration").get(CAMPAIGNS + "/" + id + "/activity").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().none().get(CAMPAIGNS + "/" + id + "/activity").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void listsTheCampaignsEmailEventsNewestFirstPagedAndFilteredByKind() {
        UUID anna = consenting("marketing", "email");
        String id = emailCampaign(anna);
        String other = emailCampaign(anna);
        post(EMAIL_EVENTS, Map.of("events", List.of(event(id, anna, "sent", "2025-03-01T10:00:00Z"), event(id, anna, "delivered", "2025-03-01T10:01:00Z"),
                event(id, anna, "opened", "2025-03-01T11:00:00Z"), event(other, anna, "sent", "2025-03-01T12:00:00Z")))).then().statusCode(200);

        JsonPath first = given().queryParam("limit", 2).get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("opened", "delivered"), first.getList("items.event"));
        String cursor = first.getString("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor).get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(200)
                .body("items.event", contains("sent")).body("items.campaignId", everyItem(equalTo(id))).body("nextCursor", nullValue());
        given().queryParam("event", "sent").get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(200)
                .body("items.event", contains("sent")).body("items.type", contains("marketing.email_sent"))
                .body("items.customerId", contains(anna.toString())).body("items.duplicate", contains(false));
    }

    @Test
    void theEventListRefusesAnUnknownKindABadLimitAndAnUnknownCampaignNamingTheField() {
        String id = campaign("email", listAudience(customer()));
        given().queryParam("event", "forwarded").get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(400).contentType(PROBLEM_JSON)
                .body(containsString("\"event\""));
        given().queryParam("limit", 0).get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(400).contentType(PROBLEM_JSON)
                .body(containsString("\"limit\""));
        given().get(CAMPAIGNS + "/" + UUID.randomUUID() + "/email-events").then().statusCode(404).contentType(PROBLEM_JSON);
        given().get(CAMPAIGNS + "/nope/email-events").then().statusCode(400).contentType(PROBLEM_JSON).body(containsString("\"id\""));
        Staff.as("viewer").get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(200);
        Staff.as("integration").get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().none().get(CAMPAIGNS + "/" + id + "/email-events").then().statusCode(401);
    }
}
