package dev.kreis.app.modules.marketing;

import static dev.kreis.app.modules.marketing.Marketing.CAMPAIGNS;
import static dev.kreis.app.modules.marketing.Marketing.PROBLEM_JSON;
import static dev.kreis.app.modules.marketing.Marketing.campaign;
import static dev.kreis.app.modules.marketing.Marketing.campaignBody;
import static dev.kreis.app.modules.marketing.Marketing.customer;
import static dev.kreis.app.modules.marketing.Marketing.listAudience;
import static dev.kreis.app.modules.marketing.Marketing.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code /api/v1/marketing/campaigns}: create, read, list, change, delete; bad input and permissions for each. */
@QuarkusTest
class CampaignApiTest {

    @BeforeEach
    void installed() {
        ModuleAdmin.ensureEnabled("marketing");
    }

    @Test
    void aCampaignIsCreatedReadChangedListedAndDeleted() {
        UUID anna = customer();
        UUID ben = customer();
        Map<String, Object> body = campaignBody("email", listAudience(anna, ben, anna));
        body.put("purpose", "newsletter");
        body.put("startsOn", "2025-03-01");
        body.put("endsOn", "2025-03-31");
        body.put("budget", 1500.25);

        String id = post(CAMPAIGNS, body).then().statusCode(201).contentType(ContentType.JSON)
                .body("id", notNullValue()).body("name", equalTo(body.get("name"))).body("channel", equalTo("email"))
                .body("purpose", equalTo("newsletter")).body("startsOn", equalTo("2025-03-01")).body("endsOn", equalTo("2025-03-31"))
                .body("budget", equalTo(1500.25f)).body("audience.type", equalTo("list"))
                .body("audience.customerIds", contains(anna.toString(), ben.toString())).body("audience.size", equalTo(2))
                .body("refreshedAt", nullValue()).body("createdAt", notNullValue())
                .extract().path("id");

        given().get(CAMPAIGNS + "/" + id).then().statusCode(200).body("name", equalTo(body.get("name")))
                .body("audience.customerIds", contains(anna.toString(), ben.toString()));

        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "budget", 10, "audience",
                Map.of("type", "segment", "filter", Map.of("country", "DE")))).patch(CAMPAIGNS + "/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed")).body("budget", equalTo(10))
                .body("purpose", equalTo("newsletter")).body("endsOn", equalTo("2025-03-31"))
                .body("audience.type", equalTo("segment")).body("audience.filter.country", equalTo("DE"));
        given().contentType(ContentType.JSON).body("{\"budget\":null,\"endsOn\":null,\"purpose\":null}").patch(CAMPAIGNS + "/" + id)
                .then().statusCode(200).body("budget", nullValue()).body("endsOn", nullValue()).body("purpose", equalTo("marketing"));

        given().queryParam("limit", 200).get(CAMPAIGNS).then().statusCode(200).body("items.id", hasItem(id));

        given().delete(CAMPAIGNS + "/" + id).then().statusCode(204);
        given().get(CAMPAIGNS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
        given().delete(CAMPAIGNS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void theListIsNewestFirstAndPagesWithACursor() {
        String first = campaign("web", listAudience(customer()));
        String second = campaign("social", listAudience(customer()));
        String third = campaign("event", listAudience(customer()));

        JsonPath page = given().queryParam("limit", 2).get(CAMPAIGNS).then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(page.getList("items.id"));
        assertEquals(2, seen.size());
        assertNotNull(page.getString("nextCursor"));
        assertEquals(1, page.getInt("items[0].audience.size"), "a list audience shows its size in the list");
        String cursor = page.getString("nextCursor");
        while (cursor != null && seen.size() < 50) {
            JsonPath next = given().queryParam("limit", 2).queryParam("cursor", cursor).get(CAMPAIGNS).then().statusCode(200).extract().jsonPath();
            seen.addAll(next.getList("items.id"));
            cursor = next.getString("nextCursor");
        }
        int a = seen.indexOf(first);
        int b = seen.indexOf(second);
        int c = seen.indexOf(third);
        assertEquals(List.of(c, b, a), List.of(c, b, a).stream().sorted().toList(), "newest first: " + seen);
        assertEquals(seen.size(), seen.stream().distinct().count(), "no campaign twice");
    }

    @Test
    void badCampaignBodiesAreNamedAndNothingIsStored() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "x".repeat(201));
        body.put("channel", "fax");
        body.put("purpose", "Marketing!");
        body.put("budget", -5);
        body.put("audience", Map.of("type", "all"));
        post(CAMPAIGNS, body).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("name", "channel", "purpose", "budget", "audience.type"));
        // a value of the wrong type or format is named alone, before any rule is checked
        Map<String, Object> badDate = campaignBody("email", listAudience(customer()));
        badDate.put("startsOn", "2025-13-01");
        post(CAMPAIGNS, badDate).then().statusCode(422).body("errors.field", contains("startsOn"));
        post(CAMPAIGNS, campaignBody("email", Map.of("type", "list", "customerIds", List.of("not-a-uuid")))).then().statusCode(422)
                .body("errors.field", contains("audience.customerIds[0]"));
        Map<String, Object> unknown = campaignBody("email", listAudience(customer()));
        unknown.put("colour", "red");
        post(CAMPAIGNS, unknown).then().statusCode(422).body("errors.field", contains("colour"));

        post(CAMPAIGNS, Map.of()).then().statusCode(422).body("errors.field", containsInAnyOrder("name", "channel", "audience"));
        Map<String, Object> backwards = campaignBody("email", listAudience(customer()));
        backwards.put("startsOn", "2025-03-02");
        backwards.put("endsOn", "2025-03-01");
        post(CAMPAIGNS, backwards).then().statusCode(422).body("errors.field", contains("endsOn"));
        Map<String, Object> elevenConditions = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            elevenConditions.put("attribute" + i, "x");
        }
        post(CAMPAIGNS, campaignBody("email", Map.of("type", "segment", "filter", elevenConditions)))
                .then().statusCode(422).body("errors.field", contains("audience.filter"));
        post(CAMPAIGNS, campaignBody("email", Map.of("type", "segment", "filter", Map.of("not an attribute!", "x"))))
                .then().statusCode(422).body("errors.field", contains("audience.filter"));
        post(CAMPAIGNS, campaignBody("email", Map.of("type", "segment"))).then().statusCode(422).body("errors.field", contains("audience.filter"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        post(CAMPAIGNS, campaignBody("email", Map.of("type", "list", "customerIds", tooMany))).then().statusCode(422)
                .body("errors.field", contains("audience.customerIds"));
        given().contentType(ContentType.JSON).body("[1,2]").post(CAMPAIGNS).then().statusCode(400).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body("{\"name\":").post(CAMPAIGNS).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void badIdsLimitsAndCursorsAre400AndUnknownCampaigns404() {
        String unknown = UUID.randomUUID().toString();
        given().get(CAMPAIGNS + "/not-a-uuid").then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("id"));
        given().contentType(ContentType.JSON).body("{}").patch(CAMPAIGNS + "/not-a-uuid").then().statusCode(400).body("errors.field", contains("id"));
        given().delete(CAMPAIGNS + "/not-a-uuid").then().statusCode(400).body("errors.field", contains("id"));
        given().get(CAMPAIGNS + "/" + unknown).then().statusCode(404).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").patch(CAMPAIGNS + "/" + unknown).then().statusCode(404);
        given().queryParam("limit", 0).get(CAMPAIGNS).then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("limit", 201).get(CAMPAIGNS).then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("limit", "ten").get(CAMPAIGNS).then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("cursor", "garbage!").get(CAMPAIGNS).then().statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void badChangesAreNamedAndLeaveTheCampaignAsItWas() {
        String id = campaign("email", listAudience(customer()));
        given().contentType(ContentType.JSON).body(Map.of("name", "", "channel", "pigeon", "budget", -1))
                .patch(CAMPAIGNS + "/" + id).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("name", "channel", "budget"));
        given().contentType(ContentType.JSON).body(Map.of("budget", "lots")).patch(CAMPAIGNS + "/" + id).then().statusCode(422)
                .body("errors.field", contains("budget"));
        given().contentType(ContentType.JSON).body(Map.of("endsOn", "someday")).patch(CAMPAIGNS + "/" + id).then().statusCode(422)
                .body("errors.field", contains("endsOn"));
        given().contentType(ContentType.JSON).body("{\"channel\":null,\"audience\":null}").patch(CAMPAIGNS + "/" + id)
                .then().statusCode(422).body("errors.field", containsInAnyOrder("channel", "audience"));
        given().contentType(ContentType.JSON).body("{\"startsOn\":\"2025-05-01\",\"endsOn\":\"2025-04-01\"}").patch(CAMPAIGNS + "/" + id)
                .then().statusCode(422).body("errors.field", contains("endsOn"));
        given().contentType(ContentType.JSON).body("{\"name\":null}").patch(CAMPAIGNS + "/" + id)
                .then().statusCode(422).body("errors.field", contains("name"));
        given().get(CAMPAIGNS + "/" + id).then().statusCode(200).body("channel", equalTo("email")).body("startsOn", nullValue());
    }

    @Test
    void viewersAndOtherDepartmentsReadButOnlyMarketingAdminsAndIntegrationsWrite() {
        String id = campaign("email", listAudience(customer()));
        Map<String, Object> body = campaignBody("web", listAudience(customer()));
        Map<String, Object> change = Map.of("name", "changed");

        for (String reader : List.of("viewer", "sales", "support", "cx-manager", "marketing")) {
            Staff.as(reader).get(CAMPAIGNS).then().statusCode(200);
            Staff.as(reader).get(CAMPAIGNS + "/" + id).then().statusCode(200);
        }
        for (String role : List.of("viewer", "sales", "support", "cx-manager")) {
            post(Staff.as(role), CAMPAIGNS, body).then().statusCode(403).contentType(PROBLEM_JSON);
            Staff.as(role).contentType(ContentType.JSON).body(change).patch(CAMPAIGNS + "/" + id).then().statusCode(403);
            Staff.as(role).delete(CAMPAIGNS + "/" + id).then().statusCode(403);
        }
        Staff.as("integration").get(CAMPAIGNS).then().statusCode(403);
        given().auth().none().get(CAMPAIGNS).then().statusCode(401);

        String created = post(Staff.as("marketing"), CAMPAIGNS, body).then().statusCode(201).extract().path("id");
        Staff.as("marketing").contentType(ContentType.JSON).body(change).patch(CAMPAIGNS + "/" + created).then().statusCode(200);
        post(Staff.as("integration"), CAMPAIGNS, campaignBody("sms", listAudience(customer()))).then().statusCode(201);
        Staff.as("marketing").delete(CAMPAIGNS + "/" + created).then().statusCode(204);
        given().get(CAMPAIGNS + "/" + id).then().statusCode(200).body("name", org.hamcrest.Matchers.not(equalTo("changed")));
    }
}
