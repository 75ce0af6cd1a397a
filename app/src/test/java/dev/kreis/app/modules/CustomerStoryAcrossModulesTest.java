package dev.kreis.app.modules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kreis.app.Fixtures;
import dev.kreis.app.KpiData;
import dev.kreis.platform.kpi.RollupFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One customer's story across the marketing, sales and support modules, told through their APIs only:
 * a lead visits the site often (their priority rises), buys (purchase phase, revenue), opens a
 * high-priority ticket (held out of marketing campaigns), gets it resolved, answers CSAT, CES and NPS —
 * and the customer's timeline, journey and the shared KPIs show all of it.
 *
 * <p>Everything happens "now" (lead priority counts the last days), so KPI checks compare the values of
 * yesterday and today before and after the story: other tests write then too, but not while this one runs.
 */
@QuarkusTest
class CustomerStoryAcrossModulesTest {
    @Inject
    RollupFolder folder;

    @BeforeEach
    void modulesInstalled() {
        ModuleAdmin.ensureEnabled("marketing");
        ModuleAdmin.ensureEnabled("sales");
        ModuleAdmin.ensureEnabled("support");
    }

    @Test
    void aLeadBecomesACustomerWhoseWholeStoryTheRecordJourneyAndSharedKpisShow() {
        // Yesterday and today (UTC): the story's touchpoints lie in the last day, which may cross midnight.
        LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate tomorrow = today.plusDays(2);
        folder.foldWithOverlap(); // what other tests wrote today is counted before, not during, the story
        Map<String, Long> before = samples(today, tomorrow);
        String npsSurvey = survey("nps");
        survey("csat");
        survey("ces");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // 1. A lead arrives from the web and joins the unified record.
        String email = "story." + Fixtures.unique() + "@example.com";
        JsonPath lead = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Mara", "lastName", "Lindqvist", "company", "Lindqvist Tischlerei", "source", "web"))
                .post("/api/v1/sales/leads").then().statusCode(201).extract().jsonPath();
        String leadId = lead.getString("id");
        UUID customer = UUID.fromString(lead.getString("customerId"));
        assertEquals("low", lead.getString("priority"));
        given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("purpose", "marketing", "channel", "email", "status", "granted", "source", "web-form"))))
                .put("/api/v1/customers/" + customer + "/consents").then().statusCode(200);

        // 2. They visit the site often: the lead's priority rises, with the reason shown.
        for (int i = 7; i >= 1; i--) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("customerId", customer.toString(), "url", "https://kreis.example/pricing?v=" + i,
                            "occurredAt", now.minus(i * 3L, ChronoUnit.HOURS).toString(), "externalId", "visit-" + UUID.randomUUID()))
                    .post("/api/v1/marketing/web-visits").then().statusCode(201);
        }
        given().get("/api/v1/sales/leads/" + leadId).then().statusCode(200)
                .body("priority", equalTo("high")).body("webVisits", equalTo(7))
                .body("priorityReason", equalTo("7 web visits in the last 14 days"));

        // 3. They buy: an order and a subscription, the core's revenue touchpoints.
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer.toString(), "amount", 480, "orderedAt", now.minus(2, ChronoUnit.HOURS).toString(),
                        "externalId", "order-" + UUID.randomUUID()))
                .post("/api/v1/sales/orders").then().statusCode(201);
        String subscription = given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer.toString(), "mrr", 99, "startedAt", now.minus(2, ChronoUnit.HOURS).toString(), "plan", "Team"))
                .post("/api/v1/sales/subscriptions").then().statusCode(201).extract().path("id");

        // 4. Marketing plans a campaign with them in it.
        String campaign = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Spring upgrade " + Fixtures.unique(), "channel", "email",
                        "audience", Map.of("type", "list", "customerIds", List.of(customer.toString()))))
                .post("/api/v1/marketing/campaigns").then().statusCode(201).extract().path("id");
        given().post("/api/v1/marketing/campaigns/" + campaign + "/members/refresh").then().statusCode(200).body("included", equalTo(1));

        // 5. They open a high-priority ticket: support holds them out of marketing campaigns.
        String ticket = given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer.toString(), "subject", "Invoice shows the wrong plan", "channel", "email", "priority", "high"))
                .post("/api/v1/support/tickets").then().statusCode(201).extract().path("id");
        given().get("/api/v1/customers/" + customer + "/holds").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].scope", equalTo("campaigns")).body("[0].placedBy", equalTo("support"))
                .body("[0].reason", containsString("Invoice shows the wrong plan"));
        given().get("/api/v1/marketing/campaigns/" + campaign + "/members").then().statusCode(200)
                .body("items[0].status", equalTo("excluded")).body("items[0].reason", containsString("held: "))
                .body("items[0].reason", containsString("Invoice shows the wrong plan"));
        given().contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign, "customerId", customer.toString(), "event", "sent", "occurredAt", now.toString(),
                        "externalId", "mail-" + UUID.randomUUID()))
                .post("/api/v1/marketing/email-events").then().statusCode(422).body("errors[0].field", equalTo("customerId"));

        // 6. Support answers and resolves it: the hold is lifted, CSAT and CES invitations go out.
        given().contentType(ContentType.JSON).body(Map.of("note", "We corrected the invoice."))
                .post("/api/v1/support/tickets/" + ticket + "/responses").then().statusCode(200);
        JsonPath resolved = given().contentType(ContentType.JSON).body(Map.of("resolution", "Invoice reissued with the Team plan."))
                .post("/api/v1/support/tickets/" + ticket + "/resolve").then().statusCode(200).extract().jsonPath();
        String csatToken = resolved.getString("feedback.find { it.kind == 'csat' }.token");
        String cesToken = resolved.getString("feedback.find { it.kind == 'ces' }.token");
        given().get("/api/v1/customers/" + customer + "/holds").then().statusCode(200).body("$", hasSize(0));
        given().get("/api/v1/marketing/campaigns/" + campaign + "/members").then().statusCode(200)
                .body("items[0].status", equalTo("included"));

        // 7. They answer CSAT and CES, and later recommend us (NPS).
        answer(csatToken, 5);
        answer(cesToken, 6);
        String npsToken = given().contentType(ContentType.JSON).body(Map.of("customerId", customer.toString()))
                .post("/api/v1/surveys/" + npsSurvey + "/invitations").then().statusCode(201).extract().path("token");
        answer(npsToken, 9);

        // The timeline has every interaction of every department.
        List<String> types = given().queryParam("limit", 100).get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.type");
        for (String type : List.of("sales.lead_created", "marketing.web_visit", "revenue.order", "revenue.subscription_started",
                "support.ticket_opened", "support.ticket_resolved", "feedback.csat", "feedback.ces", "feedback.nps")) {
            assertTrue(types.contains(type), type + " is on the timeline " + types);
        }
        assertEquals(7, types.stream().filter("marketing.web_visit"::equals).count());

        // The journey: from awareness through purchase to advocacy, with the peak and the end.
        JsonPath journey = given().get("/api/v1/customers/" + customer + "/journey").then().statusCode(200).extract().jsonPath();
        assertEquals("advocacy", journey.getString("currentPhase"));
        List<String> phases = journey.getList("phases.phase");
        assertTrue(phases.containsAll(List.of("awareness", "purchase", "advocacy")), phases.toString());
        assertEquals("feedback.nps", journey.getString("peakEnd.end.type"));

        // The shared KPIs count them: one more answer for support's CSAT and CES, the NPS, one more order...
        // A KPI read folds what is new itself only while refolding its days stays under kreis.kpis.read-fold-limit;
        // late in a suite "today" holds more than that, so the fold job's run is done here rather than waited for.
        folder.foldWithOverlap();
        Map<String, Long> after = samples(today, tomorrow);
        assertEquals(before.get("support.csat") + 1, after.get("support.csat"), "support CSAT answers");
        assertEquals(before.get("support.ces") + 1, after.get("support.ces"), "support CES answers");
        assertEquals(before.get("nps") + 1, after.get("nps"), "NPS answers");
        assertEquals(before.get("average_order_value") + 1, after.get("average_order_value"), "orders");
        assertEquals(before.get("support.ticket_volume") + 1, after.get("support.ticket_volume"), "tickets opened");
        assertEquals(before.get("marketing.web_visits") + 7, after.get("marketing.web_visits"), "web visits");
        assertEquals(before.get("sales.average_order_value") + 1, after.get("sales.average_order_value"), "sales orders");
        BigDecimal supportCsat = KpiData.value("csat", today, tomorrow, "module", "support");
        assertTrue(supportCsat != null && supportCsat.signum() > 0, "CSAT of support touchpoints has a value: " + supportCsat);

        // A paying customer would be in the revenue cohort of every later period other tests measure.
        given().contentType(ContentType.JSON).body(Map.of("at", Instant.now().toString()))
                .post("/api/v1/sales/subscriptions/" + subscription + "/cancel").then().statusCode(200);
    }

    private static Map<String, Long> samples(LocalDate from, LocalDate to) {
        Map<String, Long> samples = new java.util.TreeMap<>();
        for (String key : List.of("support.csat", "support.ces", "nps", "average_order_value", "support.ticket_volume", "marketing.web_visits",
                "sales.average_order_value")) {
            samples.put(key, KpiData.kpi(key, from, to).getLong("sampleSize"));
        }
        return samples;
    }

    private static String survey(String kind) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Story " + kind + " " + Fixtures.unique(), "kind", kind))
                .post("/api/v1/surveys").then().statusCode(201).extract().path("id");
    }

    private static void answer(String token, int score) {
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", score)).post("/public/v1/responses/" + token)
                .then().statusCode(201);
    }
}
