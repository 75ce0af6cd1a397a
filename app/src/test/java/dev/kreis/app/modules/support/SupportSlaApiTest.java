package dev.kreis.app.modules.support;

import static dev.kreis.app.modules.support.SupportApi.TICKETS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * SLA targets and breach detection, with tickets opened in the past (no waiting): due times, the breach flags
 * against now and against the times that stopped the clocks, the breached filter, and one support.sla_breached
 * touchpoint per ticket and target.
 */
@QuarkusTest
class SupportSlaApiTest {
    private static final String BREACHED = "support.sla_breached";

    @BeforeEach
    void enabled() {
        ModuleAdmin.ensureEnabled("support");
        SupportApi.defaultPolicies();
    }

    @AfterEach
    void defaults() {
        SupportApi.defaultPolicies();
    }

    private static Instant hoursAgo(double hours) {
        return Instant.now().minus(Duration.ofMinutes((long) (hours * 60))).truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<String> breachTargets(UUID customer) {
        JsonPath touchpoints = SupportApi.supportTouchpoints(customer);
        List<String> types = touchpoints.getList("items.type");
        List<String> targets = new java.util.ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).equals(BREACHED)) {
                targets.add(touchpoints.getString("items[" + i + "].payload.target"));
            }
        }
        Collections.sort(targets);
        return targets;
    }

    @Test
    void anUnansweredUrgentTicketMissesItsFirstResponseTargetAndTheBreachIsRecordedOnce() {
        UUID customer = SupportApi.customer();
        Instant opened = hoursAgo(2);
        String ticket = SupportApi.openAt(customer, "urgent", opened);

        JsonPath view = SupportApi.get(ticket);
        assertEquals(opened.plus(Duration.ofMinutes(30)), Instant.parse(view.getString("sla.firstResponseDueAt")));
        assertEquals(opened.plus(Duration.ofMinutes(240)), Instant.parse(view.getString("sla.resolutionDueAt")));
        assertTrue(view.getBoolean("sla.firstResponseBreached"));
        assertFalse(view.getBoolean("sla.resolutionBreached"));
        given().queryParam("customerId", customer.toString()).queryParam("breached", "true").get(TICKETS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(ticket));
        given().queryParam("customerId", customer.toString()).queryParam("breached", "false").get(TICKETS).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());

        SupportApi.respond(ticket, null);
        SupportApi.respond(ticket, null);
        assertEquals(List.of("first_response"), breachTargets(customer), "once per ticket and target");
        JsonPath touchpoints = SupportApi.supportTouchpoints(customer);
        int index = touchpoints.getList("items.type").indexOf(BREACHED);
        assertEquals(opened.plus(Duration.ofMinutes(30)), Instant.parse(touchpoints.getString("items[" + index + "].occurredAt")),
                "dated at the due time");

        JsonPath resolved = SupportApi.resolve(ticket, null);
        assertTrue(resolved.getBoolean("sla.firstResponseBreached"));
        assertFalse(resolved.getBoolean("sla.resolutionBreached"));
        List<String> types = SupportApi.supportTypes(customer);
        assertTrue(types.contains("support.ticket_resolved_within_sla"), "resolved within the resolution target: " + types);
        assertEquals(List.of("first_response"), breachTargets(customer));
    }

    @Test
    void aTicketPastItsResolutionTargetRecordsTheBreachOnTheNextWrite() {
        UUID customer = SupportApi.customer();
        Instant opened = hoursAgo(5);
        String ticket = SupportApi.openAt(customer, "urgent", opened);
        // answered in time, 10 minutes after opening
        JsonPath view = SupportApi.respond(ticket, opened.plus(Duration.ofMinutes(10)));
        assertFalse(view.getBoolean("sla.firstResponseBreached"), "the response stopped the clock in time");
        assertTrue(view.getBoolean("sla.resolutionBreached"), "5 hours > 4 hours, still unresolved");
        assertEquals(List.of(), breachTargets(customer), "10 minutes after opening, the time of that write, nothing was missed yet");

        JsonPath resolved = SupportApi.resolve(ticket, null);
        assertTrue(resolved.getBoolean("sla.resolutionBreached"));
        List<String> types = SupportApi.supportTypes(customer);
        assertTrue(types.contains("support.ticket_resolved"));
        assertFalse(types.contains("support.ticket_resolved_within_sla"), types.toString());
        assertEquals(List.of("resolution"), breachTargets(customer));
    }

    @Test
    void aTicketResolvedInTimeMeetsBothTargetsEvenWhenReadLater() {
        UUID customer = SupportApi.customer();
        Instant opened = hoursAgo(10);
        String ticket = SupportApi.openAt(customer, "high", opened);
        SupportApi.respond(ticket, opened.plus(Duration.ofMinutes(60)));
        JsonPath resolved = SupportApi.resolve(ticket, opened.plus(Duration.ofMinutes(480)));
        assertFalse(resolved.getBoolean("sla.firstResponseBreached"), "exactly at the due time is in time");
        assertFalse(resolved.getBoolean("sla.resolutionBreached"), "exactly at the due time is in time");
        assertFalse(SupportApi.get(ticket).getBoolean("sla.resolutionBreached"), "judged by the resolution time, not by now");
        assertEquals(List.of(), breachTargets(customer));
        assertTrue(SupportApi.supportTypes(customer).contains("support.ticket_resolved_within_sla"));
        given().queryParam("customerId", customer.toString()).queryParam("breached", "true").get(TICKETS).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void closingUnresolvedAfterTheTargetsCountsAsMissingThem() {
        UUID customer = SupportApi.customer();
        String ticket = SupportApi.openAt(customer, "low", hoursAgo(80));
        JsonPath closed = SupportApi.patch(TICKETS + "/" + ticket, Map.of("status", "closed")).then().statusCode(200).extract().jsonPath();
        assertTrue(closed.getBoolean("sla.firstResponseBreached"));
        assertTrue(closed.getBoolean("sla.resolutionBreached"));
        assertEquals(List.of("first_response", "resolution"), breachTargets(customer));
    }

    @Test
    void aNewPolicyAppliesToNewTicketsAndAPriorityChangeTakesTheNewPrioritysTargets() {
        UUID customer = SupportApi.customer();
        Instant opened = hoursAgo(3);
        String before = SupportApi.openAt(customer, "normal", opened);
        SupportApi.policy("normal", 60, 120);
        String after = SupportApi.openAt(customer, "normal", opened);
        assertEquals(opened.plus(Duration.ofMinutes(240)), Instant.parse(SupportApi.get(before).getString("sla.firstResponseDueAt")));
        assertEquals(opened.plus(Duration.ofMinutes(60)), Instant.parse(SupportApi.get(after).getString("sla.firstResponseDueAt")));
        assertFalse(SupportApi.get(before).getBoolean("sla.firstResponseBreached"));
        assertTrue(SupportApi.get(after).getBoolean("sla.firstResponseBreached"));

        JsonPath raised = SupportApi.patch(TICKETS + "/" + before, Map.of("priority", "urgent")).then().statusCode(200).extract().jsonPath();
        assertEquals(opened.plus(Duration.ofMinutes(30)), Instant.parse(raised.getString("sla.firstResponseDueAt")));
        assertEquals(opened.plus(Duration.ofMinutes(240)), Instant.parse(raised.getString("sla.resolutionDueAt")));
        assertTrue(raised.getBoolean("sla.firstResponseBreached"));
        assertNull(raised.get("firstRespondedAt"));
    }
}
