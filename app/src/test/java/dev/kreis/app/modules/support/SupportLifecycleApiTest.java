package dev.kreis.app.modules.support;

import static dev.kreis.app.modules.support.SupportApi.POLICIES;
import static dev.kreis.app.modules.support.SupportApi.TICKETS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Install → use → uninstall (keep) → 404 → reinstall → data back → uninstall (purge) → data gone → reinstall. */
@QuarkusTest
class SupportLifecycleApiTest {

    @BeforeEach
    void enabled() {
        ModuleAdmin.ensureEnabled("support");
    }

    @Test
    void disablingHidesTheApiAndLiftsTheHoldsEnablingPlacesThemAgain() {
        UUID customer = SupportApi.customer();
        String ticket = SupportApi.open(customer, "high").getString("id");
        assertEquals(List.of(ticket), SupportApi.supportHolds(customer));
        try {
            given().post("/api/v1/modules/support/disable").then().statusCode(200);
            given().get(TICKETS + "/" + ticket).then().statusCode(404).contentType(SupportApi.PROBLEM_JSON);
            assertEquals(List.of(), SupportApi.supportHolds(customer));
            given().post("/api/v1/modules/support/enable").then().statusCode(200);
            assertEquals(List.of(ticket), SupportApi.supportHolds(customer));
            assertEquals("open", SupportApi.get(ticket).getString("status"));
        } finally {
            ModuleAdmin.ensureEnabled("support");
        }
    }

    @Test
    void keepBringsEverythingBackAndPurgeRemovesTicketsTouchpointsAndHolds() {
        UUID customer = SupportApi.customer();
        JsonPath opened = SupportApi.open(customer, "urgent");
        String ticket = opened.getString("id");
        String subject = opened.getString("subject");
        SupportApi.respond(ticket, null);
        SupportApi.contact(ticket, null);
        SupportApi.policy("low", 100, 1000);
        assertEquals(List.of(ticket), SupportApi.supportHolds(customer));
        assertEquals(List.of("support.ticket_opened"), SupportApi.supportTypes(customer));
        try {
            ModuleAdmin.uninstall("support", "keep");
            given().get(TICKETS + "/" + ticket).then().statusCode(404).contentType(SupportApi.PROBLEM_JSON)
                    .body("status", equalTo(404)).body("detail", containsString("not installed"));
            given().get(TICKETS).then().statusCode(404).contentType(SupportApi.PROBLEM_JSON);
            given().get(POLICIES).then().statusCode(404).contentType(SupportApi.PROBLEM_JSON);
            SupportApi.post(TICKETS, SupportApi.ticket(customer, "low")).then().statusCode(404).contentType(SupportApi.PROBLEM_JSON);
            assertEquals(List.of(), SupportApi.supportHolds(customer), "an uninstalled module holds nobody");
            given().get("/api/v1/kpis/support.ticket_volume?from=2026-01-01&to=2026-02-01").then().statusCode(404);

            ModuleAdmin.install("support");
            JsonPath back = SupportApi.get(ticket);
            assertEquals(subject, back.getString("subject"));
            assertEquals("open", back.getString("status"));
            assertEquals(1, back.getInt("responses"));
            assertEquals(2, back.getInt("contacts"));
            given().get(TICKETS + "/" + ticket + "/history").then().statusCode(200).body("items.kind", equalTo(List.of("status", "response", "contact")));
            given().get(POLICIES).then().statusCode(200).body("find { it.priority == 'low' }.firstResponseMinutes", equalTo(100));
            assertEquals(List.of(ticket), SupportApi.supportHolds(customer), "the hold is placed again");
            assertEquals(List.of("support.ticket_opened"), SupportApi.supportTypes(customer));

            ModuleAdmin.uninstall("support", "purge");
            ModuleAdmin.install("support");
            given().get(TICKETS + "/" + ticket).then().statusCode(404).contentType(SupportApi.PROBLEM_JSON)
                    .body("detail", containsString("ticket " + ticket));
            given().queryParam("customerId", customer.toString()).get(TICKETS).then().statusCode(200).body("items", equalTo(List.of()));
            given().get(POLICIES).then().statusCode(200)
                    .body("priority", equalTo(List.of("urgent", "high", "normal", "low")))
                    .body("firstResponseMinutes", equalTo(List.of(30, 60, 240, 1440)))
                    .body("resolutionMinutes", equalTo(List.of(240, 480, 1440, 4320)));
            assertEquals(List.of(), SupportApi.supportTypes(customer), "the module's touchpoints are gone");
            assertTrue(given().queryParam("type", "support.ticket_opened").get("/api/v1/customers/" + customer + "/timeline").then()
                    .statusCode(200).extract().jsonPath().getList("items").isEmpty());
            assertEquals(List.of(), SupportApi.supportHolds(customer));

            String again = SupportApi.open(customer, "low").getString("id");
            assertEquals("open", SupportApi.get(again).getString("status"), "the reinstalled module works");
        } finally {
            ModuleAdmin.ensureEnabled("support");
            given().contentType("application/json").body(Map.of("firstResponseMinutes", 1440, "resolutionMinutes", 4320))
                    .put(POLICIES + "/low");
        }
    }

    @Test
    void thePurgePreviewCountsTicketsTheirEventsAndChangedPoliciesAndAfterThePurgeNoneAreLeft() {
        Map<String, Long> before = ModuleAdmin.purgeRecords("support");
        String ticket = SupportApi.open(SupportApi.customer(), "normal").getString("id");
        SupportApi.respond(ticket, null);
        SupportApi.policy("low", 100, 1000);
        try {
            Map<String, Long> after = ModuleAdmin.purgeRecords("support");
            assertEquals(List.of("tickets", "ticket-events", "changed-sla-policies"), List.copyOf(after.keySet()));
            assertEquals(before.get("tickets") + 1, after.get("tickets"));
            assertEquals(before.get("ticket-events") + 2, after.get("ticket-events"), "opening and responding are two events");
            assertTrue(after.get("changed-sla-policies") >= 1);
            assertEquals(after, ModuleAdmin.purgeRecords("support"), "asking deletes nothing");

            ModuleAdmin.uninstall("support", "purge");
            ModuleAdmin.install("support");
            assertEquals(Map.of("tickets", 0L, "ticket-events", 0L, "changed-sla-policies", 0L), ModuleAdmin.purgeRecords("support"));
        } finally {
            ModuleAdmin.ensureEnabled("support");
        }
    }
}
