package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The integration role writes data but neither deletes it nor changes settings and policies; every such
 * deletion or change is audited, whoever makes it.
 */
@QuarkusTest
class SettingsAndDeletionsApiTest {
    private static final String POLICIES = "/api/v1/support/sla-policies";

    private static JsonPath auditOf(String action, String target) {
        return given().queryParam("action", action).queryParam("targetId", target).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void integrationCannotChangeAnSlaPolicyAndSupportsChangeIsAudited() {
        ModuleAdmin.ensureEnabled("support");
        Map<?, ?> policy = given().get(POLICIES).then().statusCode(200).extract().jsonPath().getMap("[0]");
        Map<String, Object> same = Map.of("firstResponseMinutes", policy.get("firstResponseMinutes"),
                "resolutionMinutes", policy.get("resolutionMinutes"));
        String path = POLICIES + "/" + policy.get("priority");

        Staff.as("integration").contentType(ContentType.JSON).body(same).put(path).then().statusCode(403)
                .contentType(Fixtures.PROBLEM_JSON);
        Staff.as("support").contentType(ContentType.JSON).body(same).put(path).then().statusCode(200);

        JsonPath audit = auditOf("setting.changed", "PUT " + path);
        org.hamcrest.MatcherAssert.assertThat(audit.getList("items.actor"), hasItem(Staff.username("support")));
        org.hamcrest.MatcherAssert.assertThat(audit.getList("items.actor"),
                org.hamcrest.Matchers.not(hasItem(Staff.username("integration"))));
    }

    @Test
    void integrationCannotDeleteACampaignAndMarketingsDeletionIsAudited() {
        ModuleAdmin.ensureEnabled("marketing");
        String campaign = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Campaign " + Fixtures.unique(), "channel", "email", "audience", Map.of("type", "list", "customerIds", List.of())))
                .post("/api/v1/marketing/campaigns").then().statusCode(201).extract().path("id");
        String path = "/api/v1/marketing/campaigns/" + campaign;

        Staff.as("integration").delete(path).then().statusCode(403);
        given().get(path).then().statusCode(200);
        Staff.as("marketing").delete(path).then().statusCode(204);

        given().queryParam("action", "data.deleted").queryParam("targetId", "DELETE " + path).get("/api/v1/audit")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].actor", equalTo(Staff.username("marketing")));
    }

    @Test
    void integrationInvitesButCannotDefineOrDeleteSurveysAndChangesToThemAreAudited() {
        Staff.as("integration").contentType(ContentType.JSON).body(Map.of("name", "Sneaky survey", "kind", "nps"))
                .post("/api/v1/surveys").then().statusCode(403);
        String survey = Staff.as("cx-manager").contentType(ContentType.JSON).body(Map.of("name", "After purchase", "kind", "nps"))
                .post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        String path = "/api/v1/surveys/" + survey;

        Staff.as("integration").delete(path).then().statusCode(403);
        Staff.as("cx-manager").delete(path).then().statusCode(204);

        given().queryParam("action", "setting.changed").queryParam("targetId", "POST /api/v1/surveys").get("/api/v1/audit")
                .then().statusCode(200).body("items.actor", hasItem(Staff.username("cx-manager")));
        given().queryParam("action", "data.deleted").queryParam("targetId", "DELETE " + path).get("/api/v1/audit")
                .then().statusCode(200).body("items[0].actor", equalTo(Staff.username("cx-manager")));
    }

    @Test
    void aRefusedSettingChangeLeavesNoAuditEntry() {
        String manager = Staff.createUser(List.of("cx-manager"));
        given().auth().preemptive().basic(manager, "staff-password-for-tests").contentType(ContentType.JSON).body(Map.of("name", ""))
                .post("/api/v1/signals/rules").then().statusCode(422);
        given().queryParam("actor", manager).get("/api/v1/audit").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
