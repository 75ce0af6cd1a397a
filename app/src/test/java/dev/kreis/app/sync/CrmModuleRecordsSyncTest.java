package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.connect;
import static dev.kreis.app.sync.SyncFixtures.source;
import static dev.kreis.app.sync.SyncFixtures.sync;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.connector.salesforce.FakeSalesforce;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * CRM deals and tickets become the sales module's deals and the support module's tickets when those modules are
 * enabled, once per CRM record, following its changes (issue 15 §3, §4).
 */
@QuarkusTest
class CrmModuleRecordsSyncTest {
    private final FakeHubSpot hubspot = FakeHubSpot.start(Clock.systemUTC());
    private final FakeSalesforce salesforce = FakeSalesforce.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    @AfterEach
    void stop() {
        hubspot.close();
        salesforce.close();
    }

    private UUID customer(UUID connection, String recordId) {
        return profiles.findBySourceAndExternalId(source(connection), recordId).orElseThrow().customerId();
    }

    private static List<Map<String, Object>> deals(UUID customer) {
        return given().queryParam("customerId", customer.toString()).get("/api/v1/sales/deals").then().statusCode(200).extract().path("items");
    }

    private static List<Map<String, Object>> tickets(UUID customer) {
        return given().queryParam("customerId", customer.toString()).get("/api/v1/support/tickets").then().statusCode(200).extract().path("items");
    }

    private static List<String> timeline(UUID customer) {
        List<String> ids = given().queryParam("limit", 100).get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200).extract()
                .path("items.externalId");
        return ids.stream().sorted().toList();
    }

    private static void fullSync(UUID connection) {
        String run = given().queryParam("full", true).post("/api/v1/connections/" + connection + "/sync").then().statusCode(202).extract()
                .path("runId");
        assertEquals("succeeded", SyncFixtures.awaitRun(connection, run).getString("status"));
    }

    @Test
    void aHubSpotDealBecomesOneSalesDealThatFollowsItsChangesAndIsNeverDoubled() {
        ModuleAdmin.ensureEnabled("sales");
        String contact = hubspot.add("contacts", Map.of("email", "deal-" + unique() + "@example.com"));
        String deal = hubspot.add("deals", Map.of("dealname", "Acme renewal", "amount", "1200.50", "dealstage", "qualifiedtobuy",
                "hs_is_closed", "false", "hs_is_closed_won", "false", "createdate", "2026-01-05T10:00:00Z", "closedate", "2026-06-30"));
        hubspot.associate("deals", deal, "contacts", contact);
        UUID connection = connect(hubspot, Map.of("push", "false"));
        String source = source(connection);

        assertEquals("succeeded", sync(connection).getString("status"));

        UUID customer = customer(connection, contact);
        List<Map<String, Object>> deals = deals(customer);
        assertEquals(1, deals.size(), deals.toString());
        Map<String, Object> opened = deals.get(0);
        assertEquals("Acme renewal", opened.get("name"));
        assertEquals(1200.5f, ((Number) opened.get("amount")).floatValue());
        assertEquals("qualification", opened.get("stage"));
        assertEquals("2026-01-05T10:00:00Z", opened.get("openedAt"));
        assertEquals("2026-06-30", opened.get("expectedCloseOn"));
        assertNull(opened.get("closedAt"));
        assertEquals(Map.of("source", source, "object", "deals", "recordId", deal), opened.get("crmOrigin"));

        hubspot.change("deals", deal, Map.of("dealstage", "closedlost", "hs_is_closed", "true", "closed_lost_reason", "Too expensive",
                "closedate", "2026-02-01T12:00:00Z", "amount", "900"));
        assertEquals("succeeded", sync(connection).getString("status"));
        fullSync(connection);

        deals = deals(customer);
        assertEquals(1, deals.size(), "a changed deal and a full re-sync update the one deal: " + deals);
        String id = (String) deals.get(0).get("id");
        JsonPath lost = given().get("/api/v1/sales/deals/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("lost", lost.getString("stage"));
        assertEquals("Too expensive", lost.getString("lostReason"));
        assertEquals("2026-02-01T12:00:00Z", lost.getString("closedAt"));
        assertEquals(900f, lost.getFloat("amount"));
        assertEquals(List.of("qualification", "lost"), lost.getList("history.stage"));
        assertEquals(List.of(source, source), lost.getList("history.changedBy"));

        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed in Kreis")).patch("/api/v1/sales/deals/" + id).then().statusCode(409);
        assertEquals(List.of("deals/" + deal + "/lost", "deals/" + deal + "/opened"), timeline(customer),
                "the deal adds no touchpoint of its own to the sync engine's");
    }

    @Test
    void aHubSpotTicketBecomesOneSupportTicketUnderItsSlaThatIsResolvedWhenClosedInHubSpot() {
        ModuleAdmin.ensureEnabled("support");
        Instant created = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String contact = hubspot.add("contacts", Map.of("email", "ticket-" + unique() + "@example.com"));
        String ticket = hubspot.add("tickets", Map.of("subject", "Printer on fire", "hs_pipeline_stage", "1", "hs_ticket_priority", "HIGH",
                "createdate", created.toString()));
        hubspot.associate("tickets", ticket, "contacts", contact);
        UUID connection = connect(hubspot, Map.of("push", "false"));
        String source = source(connection);

        assertEquals("succeeded", sync(connection).getString("status"));

        UUID customer = customer(connection, contact);
        List<Map<String, Object>> tickets = tickets(customer);
        assertEquals(1, tickets.size(), tickets.toString());
        JsonPath open = given().get("/api/v1/support/tickets/" + tickets.get(0).get("id")).then().statusCode(200).extract().jsonPath();
        assertEquals("Printer on fire", open.getString("subject"));
        assertEquals("high", open.getString("priority"));
        assertEquals("open", open.getString("status"));
        assertEquals(created.toString(), open.getString("openedAt"));
        assertEquals(created.plus(Duration.ofMinutes(60)).toString(), open.getString("sla.firstResponseDueAt"), "the high-priority policy");
        assertEquals(Map.of("source", source, "object", "tickets", "recordId", ticket), open.getMap("crmOrigin"));

        Instant closed = created.plus(Duration.ofMinutes(5));
        hubspot.change("tickets", ticket, Map.of("closed_date", closed.toString(), "hs_pipeline_stage", "4"));
        assertEquals("succeeded", sync(connection).getString("status"));
        fullSync(connection);

        tickets = tickets(customer);
        assertEquals(1, tickets.size(), "a changed ticket and a full re-sync update the one ticket: " + tickets);
        String id = (String) tickets.get(0).get("id");
        JsonPath resolved = given().get("/api/v1/support/tickets/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("resolved", resolved.getString("status"));
        assertEquals(closed.toString(), resolved.getString("resolvedAt"));
        assertEquals(false, resolved.getBoolean("sla.resolutionBreached"));
        List<Map<String, Object>> history = given().get("/api/v1/support/tickets/" + id + "/history").then().statusCode(200).extract()
                .path("items");
        assertEquals(List.of("open", "resolved"), history.stream().map(e -> e.get("to")).toList());
        assertEquals(List.of(source, source), history.stream().map(e -> e.get("actor")).toList());

        given().contentType(ContentType.JSON).body(Map.of("status", "open")).patch("/api/v1/support/tickets/" + id).then().statusCode(409);
        List<String> touchpoints = timeline(customer);
        assertTrue(touchpoints.containsAll(List.of("tickets/" + ticket + "/opened", "tickets/" + ticket + "/closed")), touchpoints.toString());
        assertEquals(List.of("ticket-" + id + "-resolved-within-sla-1"), touchpoints.stream().filter(t -> t.startsWith("ticket-")).toList(),
                "only the within-SLA touchpoint is the module's own: " + touchpoints);
    }

    @Test
    void salesforceOpportunitiesAndCasesBecomeDealsAndTickets() {
        ModuleAdmin.ensureEnabled("sales");
        ModuleAdmin.ensureEnabled("support");
        String contact = salesforce.add("Contact", Map.of("LastName", "Simpson", "Email", "sf-" + unique() + "@example.com"));
        String opportunity = salesforce.add("Opportunity", Map.of("Name", "Reactor", "Amount", "5000.0", "StageName", "Closed Won",
                "IsClosed", "true", "IsWon", "true", "ContactId", contact, "CreatedDate", "2026-01-05T10:00:00.000+0000", "CloseDate", "2026-01-20"));
        String kase = salesforce.add("Case", Map.of("Subject", "Donuts missing", "Status", "New", "Priority", "Low", "IsClosed", "false",
                "ContactId", contact));
        Map<String, Object> body = new HashMap<>();
        body.put("connector", "salesforce");
        body.put("name", "Salesforce test");
        body.put("source", "sf-" + unique());
        body.put("baseUrl", salesforce.loginUrl().toString());
        body.put("credentials", Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET));
        body.put("settings", Map.of("push", "false"));
        UUID connection = UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(201)
                .extract().path("id"));

        assertEquals("succeeded", sync(connection).getString("status"));

        UUID customer = customer(connection, contact);
        List<Map<String, Object>> deals = deals(customer);
        assertEquals(1, deals.size(), deals.toString());
        assertEquals("won", deals.get(0).get("stage"));
        assertEquals(5000f, ((Number) deals.get(0).get("amount")).floatValue());
        assertEquals("2026-01-20T00:00:00Z", deals.get(0).get("closedAt"));
        assertEquals(Map.of("source", source(connection), "object", "Opportunity", "recordId", opportunity), deals.get(0).get("crmOrigin"));
        List<Map<String, Object>> tickets = tickets(customer);
        assertEquals(1, tickets.size(), tickets.toString());
        assertEquals("low", tickets.get(0).get("priority"));
        assertEquals("Case", ((Map<?, ?>) tickets.get(0).get("crmOrigin")).get("object"));
        assertEquals(kase, ((Map<?, ?>) tickets.get(0).get("crmOrigin")).get("recordId"));
    }

    @Test
    void whileTheModulesAreDisabledNothingBecomesADealOrATicket() {
        ModuleAdmin.ensureEnabled("sales");
        ModuleAdmin.ensureEnabled("support");
        String contact = hubspot.add("contacts", Map.of("email", "off-" + unique() + "@example.com"));
        String deal = hubspot.add("deals", Map.of("dealname", "Quiet deal", "hs_is_closed", "false"));
        String ticket = hubspot.add("tickets", Map.of("subject", "Quiet ticket"));
        hubspot.associate("deals", deal, "contacts", contact);
        hubspot.associate("tickets", ticket, "contacts", contact);
        UUID connection = connect(hubspot, Map.of("push", "false"));
        given().post("/api/v1/modules/sales/disable").then().statusCode(200);
        given().post("/api/v1/modules/support/disable").then().statusCode(200);
        try {
            assertEquals("succeeded", sync(connection).getString("status"));
        } finally {
            ModuleAdmin.ensureEnabled("sales");
            ModuleAdmin.ensureEnabled("support");
        }

        UUID customer = customer(connection, contact);
        assertEquals(List.of(), deals(customer));
        assertEquals(List.of(), tickets(customer));
        assertNotNull(timeline(customer).stream().filter(t -> t.equals("deals/" + deal + "/opened")).findFirst().orElse(null),
                "the deal is still a touchpoint");
    }

    @Test
    void theExportShowsWhereDealsAndTicketsCameFromAndAnErasureForgetsTheirCrmRecordIds() {
        ModuleAdmin.ensureEnabled("sales");
        ModuleAdmin.ensureEnabled("support");
        String contact = hubspot.add("contacts", Map.of("email", "erase-" + unique() + "@example.com"));
        String deal = hubspot.add("deals", Map.of("dealname", "Erika's rollout", "amount", "10", "hs_is_closed", "false"));
        String ticket = hubspot.add("tickets", Map.of("subject", "Erika cannot log in"));
        hubspot.associate("deals", deal, "contacts", contact);
        hubspot.associate("tickets", ticket, "contacts", contact);
        UUID connection = connect(hubspot, Map.of("push", "false"));
        assertEquals("succeeded", sync(connection).getString("status"));
        UUID customer = customer(connection, contact);
        String dealId = (String) deals(customer).get(0).get("id");
        String ticketId = (String) tickets(customer).get(0).get("id");

        JsonPath export = given().get("/api/v1/customers/" + customer + "/export").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(deal), export.getList("modules.sales.'" + customer + "'.deals.crmRecordId"));
        assertEquals(List.of(ticket), export.getList("modules.support.'" + customer + "'.tickets.crmRecordId"));

        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + customer + "/erase").then().statusCode(201);

        JsonPath erasedDeal = given().get("/api/v1/sales/deals/" + dealId).then().statusCode(200).extract().jsonPath();
        assertEquals("[erased]", erasedDeal.getString("name"));
        assertNull(erasedDeal.getString("crmOrigin.recordId"));
        assertEquals("deals", erasedDeal.getString("crmOrigin.object"));
        JsonPath erasedTicket = given().get("/api/v1/support/tickets/" + ticketId).then().statusCode(200).extract().jsonPath();
        assertEquals("[erased]", erasedTicket.getString("subject"));
        assertNull(erasedTicket.getString("crmOrigin.recordId"));
    }
}
