package dev.kreis.app.modules.support;

import static dev.kreis.app.modules.support.SupportApi.POLICIES;
import static dev.kreis.app.modules.support.SupportApi.PROBLEM_JSON;
import static dev.kreis.app.modules.support.SupportApi.TICKETS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.platform.kpi.RollupFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Tickets through the API: lifecycle, history, contacts, responses, holds, feedback invitations. */
@QuarkusTest
class SupportTicketApiTest {
    @Inject
    RollupFolder folder;

    @BeforeEach
    void enabled() {
        ModuleAdmin.ensureEnabled("support");
    }

    @Test
    void openingATicketShowsItWithItsTargetsAndRecordsTheOpening() {
        UUID customer = SupportApi.customer();
        Map<String, Object> body = SupportApi.ticket(customer, "high");
        body.put("channel", "phone");
        JsonPath ticket = SupportApi.post(TICKETS, body).then().statusCode(201)
                .header("Location", containsString("/api/v1/support/tickets/"))
                .body("customerId", equalTo(customer.toString()))
                .body("subject", equalTo(body.get("subject")))
                .body("description", equalTo(body.get("description")))
                .body("channel", equalTo("phone")).body("priority", equalTo("high")).body("proactive", equalTo(false))
                .body("status", equalTo("open")).body("contacts", equalTo(1)).body("responses", equalTo(0))
                .body("firstRespondedAt", nullValue()).body("resolvedAt", nullValue())
                .body("sla.firstResponseBreached", equalTo(false)).body("sla.resolutionBreached", equalTo(false))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("feedback")))
                .extract().jsonPath();
        String id = ticket.getString("id");
        Instant opened = Instant.parse(ticket.getString("openedAt"));
        assertEquals(opened.plus(Duration.ofMinutes(60)), Instant.parse(ticket.getString("sla.firstResponseDueAt")));
        assertEquals(opened.plus(Duration.ofMinutes(480)), Instant.parse(ticket.getString("sla.resolutionDueAt")));
        given().get(TICKETS + "/" + id).then().statusCode(200).body("id", equalTo(id)).body("subject", equalTo(body.get("subject")));
        given().get(TICKETS + "/" + id + "/history").then().statusCode(200)
                .body("items.kind", contains("status")).body("items[0].to", equalTo("open")).body("items[0].actor", equalTo("admin"));

        JsonPath touchpoints = SupportApi.supportTouchpoints(customer);
        assertEquals(List.of("support.ticket_opened"), touchpoints.getList("items.type"));
        assertEquals("customer", touchpoints.getString("items[0].initiator"));
        assertEquals("phone", touchpoints.getString("items[0].channel"));
        assertEquals("retention", touchpoints.getString("items[0].phase"));
        assertEquals(id, touchpoints.getString("items[0].payload.ticketId"));
    }

    @Test
    void aProactiveTicketIsCompanyInitiatedAndStartsWithoutCustomerContact() {
        UUID customer = SupportApi.customer();
        Map<String, Object> body = SupportApi.ticket(customer, "normal");
        body.put("proactive", true);
        body.put("channel", "store");
        JsonPath ticket = SupportApi.open(body);
        assertEquals(0, ticket.getInt("contacts"));
        assertTrue(ticket.getBoolean("proactive"));
        JsonPath touchpoints = SupportApi.supportTouchpoints(customer);
        assertEquals("company", touchpoints.getString("items[0].initiator"));
        assertEquals("store", touchpoints.getString("items[0].channel"));
    }

    @Test
    void contactsResponsesResolutionReopenAndCloseMakeTheHistory() {
        UUID customer = SupportApi.customer();
        String id = SupportApi.open(customer, "normal").getString("id");
        SupportApi.post(TICKETS + "/" + id + "/contacts", Map.of("channel", "chat", "note", "Asked again")).then().statusCode(200)
                .body("contacts", equalTo(2));
        JsonPath first = SupportApi.respond(id, null);
        String firstResponse = first.getString("firstRespondedAt");
        assertTrue(firstResponse != null);
        JsonPath second = SupportApi.respond(id, null);
        assertEquals(firstResponse, second.getString("firstRespondedAt"), "the first response stays the first");
        assertEquals(2, second.getInt("responses"));
        SupportApi.patch(TICKETS + "/" + id, Map.of("status", "pending", "note", "Waiting for the contract")).then().statusCode(200)
                .body("status", equalTo("pending"));

        JsonPath resolved = SupportApi.post(TICKETS + "/" + id + "/resolve", Map.of("resolution", "Seat removed, credit note sent")).then()
                .statusCode(200).body("status", equalTo("resolved")).body("resolutionNote", equalTo("Seat removed, credit note sent"))
                .body("resolvedAt", notNullValue()).body("feedback", notNullValue()).extract().jsonPath();
        List<String> types = SupportApi.supportTypes(customer);
        assertTrue(types.contains("support.ticket_resolved"), types.toString());
        assertTrue(types.contains("support.ticket_resolved_within_sla"), types.toString());
        given().get(TICKETS + "/" + id).then().body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("feedback")));

        // a resolved ticket takes no contacts or responses until reopened
        SupportApi.post(TICKETS + "/" + id + "/contacts", Map.of()).then().statusCode(409).contentType(PROBLEM_JSON);
        SupportApi.post(TICKETS + "/" + id + "/responses", Map.of()).then().statusCode(409).contentType(PROBLEM_JSON);
        SupportApi.post(TICKETS + "/" + id + "/resolve", Map.of("resolution", "again")).then().statusCode(409).contentType(PROBLEM_JSON);
        SupportApi.patch(TICKETS + "/" + id, Map.of("priority", "high")).then().statusCode(409).contentType(PROBLEM_JSON);

        SupportApi.patch(TICKETS + "/" + id, Map.of("status", "open")).then().statusCode(200).body("status", equalTo("open"))
                .body("resolvedAt", nullValue()).body("resolutionNote", nullValue());
        SupportApi.contact(id, null);
        SupportApi.resolve(id, null);
        SupportApi.patch(TICKETS + "/" + id, Map.of("status", "closed")).then().statusCode(200).body("status", equalTo("closed"))
                .body("closedAt", notNullValue()).body("resolvedAt", notNullValue());
        SupportApi.patch(TICKETS + "/" + id, Map.of("status", "pending")).then().statusCode(409);

        given().get(TICKETS + "/" + id + "/history").then().statusCode(200)
                .body("items.kind", contains("status", "contact", "response", "response", "status", "status", "status", "contact", "status",
                        "status"))
                .body("items.to", contains("open", "chat", null, null, "pending", "resolved", "open", null, "resolved", "closed"))
                .body("items[1].note", equalTo("Asked again"))
                .body("items[4].note", equalTo("Waiting for the contract"))
                .body("items[5].note", equalTo("Seat removed, credit note sent"))
                .body("items.seq", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        // paging
        JsonPath page = given().queryParam("limit", 4).get(TICKETS + "/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 2, 3, 4), page.getList("items.seq"));
        given().queryParam("limit", 4).queryParam("cursor", page.getString("nextCursor")).get(TICKETS + "/" + id + "/history").then()
                .body("items.seq", contains(5, 6, 7, 8));
        assertNotEquals(null, resolved.getString("id"));
        assertEquals(3, SupportApi.get(id).getInt("contacts"), "the opening, one by chat, one after reopening");
        List<String> after = SupportApi.supportTypes(customer);
        assertEquals(2, after.stream().filter("support.ticket_resolved"::equals).count(), "each resolution is a touchpoint");
    }

    @Test
    void concurrentContactsAndResponsesOnOneTicketAreAllCounted() throws Exception {
        String id = SupportApi.open(SupportApi.customer(), "normal").getString("id");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String path = TICKETS + "/" + id + (i % 2 == 0 ? "/contacts" : "/responses");
                calls.add(pool.submit(() -> SupportApi.post(path, Map.of()).statusCode()));
            }
            for (var call : calls) {
                assertEquals(200, call.get());
            }
        } finally {
            pool.shutdown();
        }
        JsonPath ticket = SupportApi.get(id);
        assertEquals(7, ticket.getInt("contacts"), "the opening and 6 more: no update lost");
        assertEquals(6, ticket.getInt("responses"));
        given().queryParam("limit", 200).get(TICKETS + "/" + id + "/history").then().body("items.seq", org.hamcrest.Matchers.hasSize(13));
    }

    @Test
    void theListFiltersByStatusPriorityAndCustomerAndPages() {
        UUID customer = SupportApi.customer();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String low = SupportApi.openAt(customer, "low", now.minusSeconds(300));
        String urgent = SupportApi.openAt(customer, "urgent", now.minusSeconds(200));
        String normal = SupportApi.openAt(customer, "normal", now.minusSeconds(100));
        SupportApi.resolve(low, null);
        given().queryParam("customerId", customer.toString()).get(TICKETS).then().statusCode(200)
                .body("items.id", contains(normal, urgent, low)).body("nextCursor", nullValue());
        given().queryParam("customerId", customer.toString()).queryParam("status", "open").get(TICKETS).then()
                .body("items.id", contains(normal, urgent));
        given().queryParam("customerId", customer.toString()).queryParam("status", "resolved").get(TICKETS).then()
                .body("items.id", contains(low));
        given().queryParam("customerId", customer.toString()).queryParam("priority", "urgent").get(TICKETS).then()
                .body("items.id", contains(urgent));
        JsonPath page = given().queryParam("customerId", customer.toString()).queryParam("limit", 2).get(TICKETS).then().extract().jsonPath();
        assertEquals(List.of(normal, urgent), page.getList("items.id"));
        given().queryParam("customerId", customer.toString()).queryParam("limit", 2).queryParam("cursor", page.getString("nextCursor"))
                .get(TICKETS).then().body("items.id", contains(low)).body("nextCursor", nullValue());
    }

    @Test
    void anOpenHighPriorityTicketHoldsTheCustomerOutOfCampaigns() {
        UUID customer = SupportApi.customer();
        JsonPath opened = SupportApi.open(customer, "high");
        String id = opened.getString("id");
        assertEquals(List.of(id), SupportApi.supportHolds(customer));
        assertEquals("Open high-priority support ticket: " + opened.getString("subject"), SupportApi.holdReason(customer, id));

        SupportApi.patch(TICKETS + "/" + id, Map.of("priority", "normal")).then().statusCode(200);
        assertEquals(List.of(), SupportApi.supportHolds(customer), "lowered: lifted");
        SupportApi.patch(TICKETS + "/" + id, Map.of("priority", "urgent", "subject", "Outage at checkout")).then().statusCode(200);
        assertEquals(List.of(id), SupportApi.supportHolds(customer), "raised: placed");
        assertEquals("Open high-priority support ticket: Outage at checkout", SupportApi.holdReason(customer, id));
        SupportApi.patch(TICKETS + "/" + id, Map.of("status", "pending")).then().statusCode(200);
        assertEquals(List.of(id), SupportApi.supportHolds(customer), "pending still holds");
        SupportApi.resolve(id, null);
        assertEquals(List.of(), SupportApi.supportHolds(customer), "resolved: lifted");
        SupportApi.patch(TICKETS + "/" + id, Map.of("status", "open")).then().statusCode(200);
        assertEquals(List.of(id), SupportApi.supportHolds(customer), "reopened: placed again");
        SupportApi.patch(TICKETS + "/" + id, Map.of("status", "closed")).then().statusCode(200);
        assertEquals(List.of(), SupportApi.supportHolds(customer), "closed: lifted");

        String normal = SupportApi.open(customer, "normal").getString("id");
        assertEquals(List.of(), SupportApi.supportHolds(customer), "normal tickets hold nobody: " + normal);
    }

    private static void deleteSurveys(String kind) {
        String cursor = null;
        List<String> ids = new ArrayList<>();
        do {
            var request = given().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/surveys").then().statusCode(200).extract().jsonPath();
            List<String> kinds = page.getList("items.kind");
            List<String> pageIds = page.getList("items.id");
            for (int i = 0; i < kinds.size(); i++) {
                if (kind.equals(kinds.get(i))) {
                    ids.add(pageIds.get(i));
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        ids.forEach(id -> given().delete("/api/v1/surveys/" + id).then().statusCode(204));
    }

    private static String survey(String kind) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "After support " + Fixtures.unique(), "kind", kind))
                .post("/api/v1/surveys").then().statusCode(201).extract().jsonPath().getString("id");
    }

    @Test
    void resolvingInvitesToCsatAndCesAndTheAnswersCountForSupport() {
        deleteSurveys("csat");
        deleteSurveys("ces");
        UUID customer = SupportApi.customer();
        String without = SupportApi.open(customer, "normal").getString("id");
        JsonPath none = SupportApi.resolve(without, null);
        assertEquals(List.of(), none.getList("feedback"), "no survey, no invitation");
        assertEquals(null, none.getString("csatInvitationId"));

        survey("csat");
        survey("ces");
        String id = SupportApi.open(customer, "normal").getString("id");
        JsonPath resolved = SupportApi.resolve(id, null);
        assertEquals(List.of("csat", "ces"), resolved.getList("feedback.kind"));
        assertEquals(resolved.getString("csatInvitationId"), resolved.getString("feedback[0].invitationId"));
        assertEquals(resolved.getString("cesInvitationId"), resolved.getString("feedback[1].invitationId"));
        String csatToken = resolved.getString("feedback[0].token");
        String cesToken = resolved.getString("feedback[1].token");
        assertEquals("/public/v1/responses/" + csatToken, resolved.getString("feedback[0].responsePath"));
        assertEquals(resolved.getString("csatInvitationId"), SupportApi.get(id).getString("csatInvitationId"));

        // a period around now wide enough that the answers land in it even across midnight
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
        // Today may hold more than a KPI read folds itself (kreis.kpis.read-fold-limit): the fold job's run is done here.
        folder.foldWithOverlap();
        JsonPath csatBefore = kpiToday("support.csat", today, tomorrow);
        JsonPath cesBefore = kpiToday("support.ces", today, tomorrow);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 5)).post("/public/v1/responses/" + csatToken).then()
                .statusCode(201);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 6)).post("/public/v1/responses/" + cesToken).then()
                .statusCode(201);

        JsonPath answers = given().queryParam("type", "feedback.csat").get("/api/v1/customers/" + customer + "/timeline").then()
                .statusCode(200).extract().jsonPath();
        String resolvedTouchpoint = SupportApi.supportTouchpoints(customer).getString("items.find { it.type == 'support.ticket_resolved' "
                + "&& it.payload.ticketId == '" + id + "' }.id");
        assertEquals(resolvedTouchpoint, answers.getString("items[0].payload.contextTouchpointId"));
        assertEquals("support", answers.getString("items[0].module"), "the answer is attributed to the module of its context");
        // today's support CSAT and CES with the two answers, from today's values before them: CSAT is the share of 4 and 5
        long n = csatBefore.getLong("sampleSize");
        long good = n == 0 ? 0 : csatBefore.getObject("value", java.math.BigDecimal.class).multiply(java.math.BigDecimal.valueOf(n))
                .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).longValueExact();
        folder.foldWithOverlap();
        JsonPath csatAfter = kpiToday("support.csat", today, tomorrow);
        assertEquals(n + 1, csatAfter.getLong("sampleSize"));
        assertEquals(java.math.BigDecimal.valueOf((good + 1) * 100).divide(java.math.BigDecimal.valueOf(n + 1), 4, java.math.RoundingMode.HALF_UP),
                csatAfter.getObject("value", java.math.BigDecimal.class));
        long m = cesBefore.getLong("sampleSize");
        long sum = m == 0 ? 0 : cesBefore.getObject("value", java.math.BigDecimal.class).multiply(java.math.BigDecimal.valueOf(m))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        JsonPath cesAfter = kpiToday("support.ces", today, tomorrow);
        assertEquals(m + 1, cesAfter.getLong("sampleSize"));
        assertEquals(java.math.BigDecimal.valueOf(sum + 6).divide(java.math.BigDecimal.valueOf(m + 1), 4, java.math.RoundingMode.HALF_UP),
                cesAfter.getObject("value", java.math.BigDecimal.class));
    }

    private static JsonPath kpiToday(String key, String from, String to) {
        return given().config(io.restassured.RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .queryParam("from", from).queryParam("to", to).get("/api/v1/kpis/" + key).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCustomersExportListsTicketsAndErasureBlanksTheirText() {
        UUID customer = SupportApi.customer();
        JsonPath opened = SupportApi.open(customer, "high");
        String id = opened.getString("id");
        SupportApi.post(TICKETS + "/" + id + "/responses", Map.of("note", "We are on it")).then().statusCode(200);
        SupportApi.resolve(id, null);
        String mine = "modules.support.'" + customer + "'.";
        given().get("/api/v1/customers/" + customer + "/export").then().statusCode(200)
                .body(mine + "tickets[0].id", equalTo(id))
                .body(mine + "tickets[0].subject", equalTo(opened.getString("subject")))
                .body(mine + "tickets[0].resolutionNote", equalTo("Credited one seat."))
                .body(mine + "tickets[0].history.note", hasItem("We are on it"));

        String other = SupportApi.open(customer, "urgent").getString("id");
        assertEquals(List.of(other), SupportApi.supportHolds(customer));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Art. 17 request")).post("/api/v1/customers/" + customer + "/erase")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201), equalTo(202)));
        JsonPath erased = SupportApi.get(id);
        assertEquals("[erased]", erased.getString("subject"));
        assertEquals("[erased]", erased.getString("description"));
        assertEquals("[erased]", erased.getString("resolutionNote"));
        assertEquals("resolved", erased.getString("status"), "times, counts and states stay");
        assertEquals(1, erased.getInt("responses"));
        given().get(TICKETS + "/" + id + "/history").then().body("items.note", org.hamcrest.Matchers.not(hasItem("We are on it")));
        assertEquals("[erased]", SupportApi.get(other).getString("subject"));
        assertEquals(List.of(), SupportApi.supportHolds(customer), "the hold quoted the subject");
        // nothing more is recorded about the erased person: every change of their tickets is refused
        for (io.restassured.response.Response write : List.of(SupportApi.post(TICKETS + "/" + other + "/responses", Map.of()),
                SupportApi.post(TICKETS + "/" + other + "/contacts", Map.of()),
                SupportApi.post(TICKETS + "/" + other + "/resolve", Map.of("resolution", "Done")),
                SupportApi.patch(TICKETS + "/" + id, Map.of("status", "open")))) {
            write.then().statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo("https://kreis.dev/problems/customer-erased"))
                    .body("errors.field", contains("id"));
        }
        assertEquals("[erased]", SupportApi.get(other).getString("subject"));
        assertEquals(List.of(), SupportApi.supportHolds(customer), "no hold for an erased customer");
    }

    // --- bad input ----------------------------------------------------------------------------------------------

    private static void invalid(io.restassured.response.Response response, int status, String field) {
        response.then().statusCode(status).contentType(PROBLEM_JSON).body("errors.field", hasItem(field));
    }

    @Test
    void openingRefusesBadInputNamingTheField() {
        UUID customer = SupportApi.customer();
        given().contentType(ContentType.JSON).post(TICKETS).then().statusCode(400).contentType(PROBLEM_JSON);
        invalid(SupportApi.post(TICKETS, List.of(1)), 400, "body");
        Map<String, Map.Entry<Object, String>> cases = new LinkedHashMap<>();
        cases.put("customerId", Map.entry("nope", "customerId"));
        cases.put("subject", Map.entry("x".repeat(201), "subject"));
        cases.put("description", Map.entry("x".repeat(10_001), "description"));
        cases.put("channel", Map.entry("in_person", "channel"));
        cases.put("priority", Map.entry("asap", "priority"));
        cases.put("proactive", Map.entry("yes", "proactive"));
        cases.put("openedAt", Map.entry("yesterday", "openedAt"));
        for (var c : cases.entrySet()) {
            Map<String, Object> body = SupportApi.ticket(customer, "normal");
            body.put(c.getKey(), c.getValue().getKey());
            invalid(SupportApi.post(TICKETS, body), 422, c.getValue().getValue());
        }
        Map<String, Object> blank = SupportApi.ticket(customer, "normal");
        blank.put("subject", "   ");
        invalid(SupportApi.post(TICKETS, blank), 422, "subject");
        Map<String, Object> unknownCustomer = SupportApi.ticket(UUID.randomUUID(), "normal");
        invalid(SupportApi.post(TICKETS, unknownCustomer), 422, "customerId");
        Map<String, Object> future = SupportApi.ticket(customer, "normal");
        future.put("openedAt", Instant.now().plus(Duration.ofDays(1)).toString());
        invalid(SupportApi.post(TICKETS, future), 422, "openedAt");
        Map<String, Object> ancient = SupportApi.ticket(customer, "normal");
        ancient.put("openedAt", "1899-12-31T23:59:59Z");
        invalid(SupportApi.post(TICKETS, ancient), 422, "openedAt");
        Map<String, Object> unknownField = SupportApi.ticket(customer, "normal");
        unknownField.put("severity", 3);
        invalid(SupportApi.post(TICKETS, unknownField), 422, "severity");
        JsonPath missing = SupportApi.post(TICKETS, Map.of()).then().statusCode(422).extract().jsonPath();
        assertTrue(missing.getList("errors.field").containsAll(List.of("customerId", "subject", "channel")), missing.prettify());
        given().queryParam("customerId", customer.toString()).get(TICKETS).then().body("items", empty());
    }

    @Test
    void readingRefusesMalformedParameters() {
        for (String[] query : new String[][] { { "status", "solved" }, { "priority", "p1" }, { "customerId", "42" }, { "breached", "maybe" },
                { "limit", "0" }, { "limit", "201" }, { "limit", "ten" }, { "cursor", "%%%" }, { "cursor", "bm90LWEtY3Vyc29y" } }) {
            invalid(given().queryParam(query[0], query[1]).get(TICKETS), 400, query[0]);
        }
        invalid(given().get(TICKETS + "/not-a-uuid"), 400, "id");
        given().get(TICKETS + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        invalid(given().get(TICKETS + "/not-a-uuid/history"), 400, "id");
        given().get(TICKETS + "/" + UUID.randomUUID() + "/history").then().statusCode(404).contentType(PROBLEM_JSON);
        String id = SupportApi.open(SupportApi.customer(), "low").getString("id");
        invalid(given().queryParam("limit", "-1").get(TICKETS + "/" + id + "/history"), 400, "limit");
        invalid(given().queryParam("cursor", "eA").get(TICKETS + "/" + id + "/history"), 400, "cursor");
    }

    @Test
    void changesRefuseBadInputNamingTheField() {
        UUID customer = SupportApi.customer();
        String id = SupportApi.openAt(customer, "normal", Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS));
        String path = TICKETS + "/" + id;
        invalid(SupportApi.patch(path, Map.of("status", "resolved")), 422, "status");
        invalid(SupportApi.patch(path, Map.of("status", "done")), 422, "status");
        invalid(SupportApi.patch(path, Map.of("priority", "p1")), 422, "priority");
        invalid(SupportApi.patch(path, Map.of("subject", "")), 422, "subject");
        invalid(SupportApi.patch(path, Map.of("description", "x".repeat(10_001))), 422, "description");
        invalid(SupportApi.patch(path, Map.of("note", "only a note")), 422, "body");
        invalid(SupportApi.patch(path, Map.of("status", "pending", "note", "x".repeat(5_001))), 422, "note");
        invalid(SupportApi.patch(path, Map.of("owner", "me")), 422, "owner");
        given().contentType(ContentType.JSON).patch(path).then().statusCode(400).contentType(PROBLEM_JSON);
        SupportApi.patch(TICKETS + "/" + UUID.randomUUID(), Map.of("status", "pending")).then().statusCode(404).contentType(PROBLEM_JSON);
        invalid(SupportApi.patch(TICKETS + "/x", Map.of("status", "pending")), 400, "id");

        String contacts = path + "/contacts";
        invalid(SupportApi.post(contacts, Map.of("contactedAt", Instant.now().plus(Duration.ofHours(1)).toString())), 422, "contactedAt");
        invalid(SupportApi.post(contacts, Map.of("contactedAt", Instant.now().minus(Duration.ofHours(2)).toString())), 422, "contactedAt");
        invalid(SupportApi.post(contacts, Map.of("channel", "pigeon")), 422, "channel");
        invalid(SupportApi.post(contacts, Map.of("note", "x".repeat(5_001))), 422, "note");
        invalid(SupportApi.post(contacts, Map.of("when", "now")), 422, "when");
        SupportApi.post(TICKETS + "/" + UUID.randomUUID() + "/contacts", Map.of()).then().statusCode(404);
        given().contentType(ContentType.JSON).post(contacts).then().statusCode(200).body("contacts", equalTo(2));

        String responses = path + "/responses";
        invalid(SupportApi.post(responses, Map.of("respondedAt", "2026-13-01T00:00:00Z")), 422, "respondedAt");
        invalid(SupportApi.post(responses, Map.of("respondedAt", Instant.now().minus(Duration.ofHours(2)).toString())), 422, "respondedAt");
        invalid(SupportApi.post(responses, Map.of("note", 42)), 422, "note");
        SupportApi.post(TICKETS + "/" + UUID.randomUUID() + "/responses", Map.of()).then().statusCode(404);

        String resolve = path + "/resolve";
        invalid(SupportApi.post(resolve, Map.of()), 422, "resolution");
        invalid(SupportApi.post(resolve, Map.of("resolution", "x".repeat(5_001))), 422, "resolution");
        invalid(SupportApi.post(resolve, Map.of("resolution", "done", "resolvedAt", Instant.now().minus(Duration.ofHours(2)).toString())), 422,
                "resolvedAt");
        SupportApi.respond(id, Instant.now().minus(Duration.ofMinutes(10)));
        invalid(SupportApi.post(resolve, Map.of("resolution", "done", "resolvedAt", Instant.now().minus(Duration.ofMinutes(30)).toString())),
                422, "resolvedAt");
        invalid(SupportApi.post(resolve, Map.of("resolution", "done", "resolvedAt", Instant.now().plus(Duration.ofMinutes(30)).toString())),
                422, "resolvedAt");
        given().contentType(ContentType.JSON).post(resolve).then().statusCode(400).contentType(PROBLEM_JSON);
        SupportApi.post(TICKETS + "/" + UUID.randomUUID() + "/resolve", Map.of("resolution", "x")).then().statusCode(404);
        assertEquals("open", SupportApi.get(id).getString("status"), "nothing half written");
    }

    @Test
    void slaPoliciesAreListedAndSetWithinBounds() {
        try {
            given().get(POLICIES).then().statusCode(200).body("priority", contains("urgent", "high", "normal", "low"));
            given().contentType(ContentType.JSON).body(Map.of("firstResponseMinutes", 45, "resolutionMinutes", 600)).put(POLICIES + "/high")
                    .then().statusCode(200).body("priority", equalTo("high")).body("firstResponseMinutes", equalTo(45))
                    .body("resolutionMinutes", equalTo(600)).body("updatedBy", equalTo("admin"));
            given().get(POLICIES).then().body("find { it.priority == 'high' }.resolutionMinutes", equalTo(600));

            for (Object[] c : new Object[][] { { 0, 100, "firstResponseMinutes" }, { 43_201, 50_000, "firstResponseMinutes" },
                    { "60", 100, "firstResponseMinutes" }, { 1.5, 100, "firstResponseMinutes" }, { 60, 59, "resolutionMinutes" },
                    { 60, 525_601, "resolutionMinutes" } }) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("firstResponseMinutes", c[0]);
                body.put("resolutionMinutes", c[1]);
                invalid(given().contentType(ContentType.JSON).body(body).put(POLICIES + "/high"), 422, (String) c[2]);
            }
            invalid(given().contentType(ContentType.JSON).body(Map.of("resolutionMinutes", 100)).put(POLICIES + "/high"), 422,
                    "firstResponseMinutes");
            invalid(given().contentType(ContentType.JSON).body(Map.of("firstResponseMinutes", 1, "resolutionMinutes", 2, "x", 1))
                    .put(POLICIES + "/high"), 422, "x");
            given().contentType(ContentType.JSON).put(POLICIES + "/high").then().statusCode(400).contentType(PROBLEM_JSON);
            given().contentType(ContentType.JSON).body(Map.of("firstResponseMinutes", 1, "resolutionMinutes", 2)).put(POLICIES + "/critical")
                    .then().statusCode(404).contentType(PROBLEM_JSON);
            given().get(POLICIES).then().body("find { it.priority == 'high' }.firstResponseMinutes", equalTo(45));
        } finally {
            SupportApi.defaultPolicies();
        }
    }

    // --- permissions ----------------------------------------------------------------------------------------------

    @Test
    void staffReadTheSupportDepartmentWritesOthersDoNot() {
        UUID customer = SupportApi.customer();
        String id = SupportApi.open(customer, "normal").getString("id");
        for (String role : List.of("viewer", "marketing", "sales", "cx-manager", "support")) {
            dev.kreis.app.Staff.as(role).get(TICKETS).then().statusCode(200);
            dev.kreis.app.Staff.as(role).get(TICKETS + "/" + id).then().statusCode(200);
            dev.kreis.app.Staff.as(role).get(TICKETS + "/" + id + "/history").then().statusCode(200);
            dev.kreis.app.Staff.as(role).get(POLICIES).then().statusCode(200);
        }
        for (String role : List.of("viewer", "marketing", "sales", "cx-manager")) {
            var as = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>) () -> dev.kreis.app.Staff.as(role)
                    .contentType(ContentType.JSON);
            as.get().body(SupportApi.ticket(customer, "normal")).post(TICKETS).then().statusCode(403);
            as.get().body(Map.of("status", "pending")).patch(TICKETS + "/" + id).then().statusCode(403);
            as.get().body(Map.of()).post(TICKETS + "/" + id + "/contacts").then().statusCode(403);
            as.get().body(Map.of()).post(TICKETS + "/" + id + "/responses").then().statusCode(403);
            as.get().body(Map.of("resolution", "no")).post(TICKETS + "/" + id + "/resolve").then().statusCode(403);
            as.get().body(Map.of("firstResponseMinutes", 30, "resolutionMinutes", 240)).put(POLICIES + "/urgent").then().statusCode(403);
        }
        given().auth().none().get(TICKETS).then().statusCode(401);
        assertEquals(0, SupportApi.get(id).getInt("responses"));

        var support = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>) () -> dev.kreis.app.Staff.as("support")
                .contentType(ContentType.JSON);
        String mine = support.get().body(SupportApi.ticket(customer, "normal")).post(TICKETS).then().statusCode(201).extract().jsonPath()
                .getString("id");
        support.get().body(Map.of("status", "pending")).patch(TICKETS + "/" + mine).then().statusCode(200);
        support.get().body(Map.of()).post(TICKETS + "/" + mine + "/contacts").then().statusCode(200);
        support.get().body(Map.of()).post(TICKETS + "/" + mine + "/responses").then().statusCode(200);
        support.get().body(Map.of("resolution", "Fixed")).post(TICKETS + "/" + mine + "/resolve").then().statusCode(200);
        support.get().body(Map.of("firstResponseMinutes", 30, "resolutionMinutes", 240)).put(POLICIES + "/urgent").then().statusCode(200);
        given().get(TICKETS + "/" + mine + "/history").then().body("items.actor", hasItem(dev.kreis.app.Staff.username("support")));
    }
}
