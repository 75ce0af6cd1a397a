package dev.kreis.app.modules.marketing;

import static dev.kreis.app.modules.marketing.Marketing.EMAIL_EVENTS;
import static dev.kreis.app.modules.marketing.Marketing.FORMS;
import static dev.kreis.app.modules.marketing.Marketing.PROBLEM_JSON;
import static dev.kreis.app.modules.marketing.Marketing.WEB_VISITS;
import static dev.kreis.app.modules.marketing.Marketing.campaign;
import static dev.kreis.app.modules.marketing.Marketing.consenting;
import static dev.kreis.app.modules.marketing.Marketing.customer;
import static dev.kreis.app.modules.marketing.Marketing.emailCampaign;
import static dev.kreis.app.modules.marketing.Marketing.event;
import static dev.kreis.app.modules.marketing.Marketing.listAudience;
import static dev.kreis.app.modules.marketing.Marketing.post;
import static dev.kreis.app.modules.marketing.Marketing.timelineTypes;
import static dev.kreis.app.modules.marketing.Marketing.visit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** E-mail events, web visits and form submissions: touchpoints, idempotency, refusals, bad input and permissions. */
@QuarkusTest
class ActivityApiTest {

    @BeforeEach
    void installed() {
        ModuleAdmin.ensureEnabled("marketing");
    }

    @Test
    void everyEmailEventBecomesItsTouchpointAndARepeatedProviderIdIsADuplicate() {
        UUID anna = consenting("marketing", "email");
        String id = emailCampaign(anna);
        List<String> types = new ArrayList<>();
        for (String name : List.of("sent", "delivered", "opened", "clicked", "bounced", "unsubscribed")) {
            Map<String, Object> body = event(id, anna, name, "2025-03-01T10:00:00Z");
            String eventId = post(EMAIL_EVENTS, body).then().statusCode(201).contentType(ContentType.JSON)
                    .body("type", equalTo("marketing.email_" + name)).body("duplicate", equalTo(false))
                    .body("touchpointId", notNullValue()).body("customerId", equalTo(anna.toString())).extract().path("id");
            post(EMAIL_EVENTS, body).then().statusCode(200).body("duplicate", equalTo(true)).body("id", equalTo(eventId));
            types.add("marketing.email_" + name);
        }
        assertTrue(timelineTypes(anna).containsAll(types), timelineTypes(anna).toString());
        assertEquals(6, timelineTypes(anna).stream().filter(t -> t.startsWith("marketing.email_")).count(), "duplicates are not recorded again");
    }

    @Test
    void aBatchIsRecordedWholeWithDuplicatesCounted() {
        UUID anna = consenting("marketing", "email");
        UUID ben = customer();
        String id = emailCampaign(anna, ben);
        Map<String, Object> sent = event(id, anna, "sent", "2025-03-01T10:00:00Z");
        List<Map<String, Object>> events = List.of(sent, event(id, anna, "delivered", "2025-03-01T10:01:00Z"),
                event(id, ben, "delivered", "2025-03-01T10:01:00Z"), sent);

        post(EMAIL_EVENTS, Map.of("events", events)).then().statusCode(200)
                .body("accepted", equalTo(3)).body("duplicates", equalTo(1))
                .body("items.duplicate", contains(false, false, false, true));
        post(EMAIL_EVENTS, Map.of("events", events)).then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(4));
    }

    @Test
    void aBatchWithOneBadEventWritesNothing() {
        UUID anna = consenting("marketing", "email");
        UUID outsider = consenting("marketing", "email");
        String id = emailCampaign(anna);
        Map<String, Object> good = event(id, anna, "delivered", "2025-03-01T10:00:00Z");
        Map<String, Object> notMember = event(id, outsider, "sent", "2025-03-01T10:00:00Z");
        Map<String, Object> bad = event(id, anna, "exploded", "1899-12-31T23:00:00Z");
        bad.put("externalId", "");

        post(EMAIL_EVENTS, Map.of("events", List.of(good, notMember, bad))).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("events[2].event", "events[2].occurredAt", "events[2].externalId"));
        post(EMAIL_EVENTS, Map.of("events", List.of(good, notMember))).then().statusCode(422)
                .body("errors.field", contains("events[1].customerId")).body("errors[0].message", containsString("not a member"));

        post(EMAIL_EVENTS, good).then().statusCode(201).body("duplicate", equalTo(false));
    }

    @Test
    void sendsGoOnlyToIncludedMembersOfEmailCampaigns() {
        UUID consented = consenting("marketing", "email");
        UUID silent = customer();
        String id = emailCampaign(consented, silent);
        String web = campaign("web", listAudience(consented));

        post(EMAIL_EVENTS, event(id, silent, "sent", "2025-03-01T10:00:00Z")).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerId"))
                .body("errors[0].message", containsString("no consent for marketing on email"));
        post(EMAIL_EVENTS, event(id, customer(), "sent", "2025-03-01T10:00:00Z")).then().statusCode(422)
                .body("errors.field", contains("customerId")).body("errors[0].message", containsString("not a member"));
        post(EMAIL_EVENTS, event(web, consented, "delivered", "2025-03-01T10:00:00Z")).then().statusCode(422)
                .body("errors.field", contains("campaignId"));
        post(EMAIL_EVENTS, event(UUID.randomUUID().toString(), consented, "delivered", "2025-03-01T10:00:00Z")).then().statusCode(422)
                .body("errors.field", contains("campaignId"));
        post(EMAIL_EVENTS, event(id, UUID.randomUUID(), "delivered", "2025-03-01T10:00:00Z")).then().statusCode(422)
                .body("errors.field", contains("customerId"));
        post(EMAIL_EVENTS, event(id, consented, "sent", "2025-03-01T10:00:00Z")).then().statusCode(201);
        post(EMAIL_EVENTS, event(id, silent, "delivered", "2025-03-01T10:00:00Z")).then().statusCode(201);
    }

    @Test
    void badEmailEventBodiesAreNamed() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "read");
        body.put("externalId", "x".repeat(201));
        post(EMAIL_EVENTS, body).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("campaignId", "customerId", "event", "occurredAt", "externalId"));
        // a value of the wrong type or format, or an unknown field, is named alone
        post(EMAIL_EVENTS, Map.of("campaignId", "nope")).then().statusCode(422).body("errors.field", contains("campaignId"));
        post(EMAIL_EVENTS, Map.of("customerId", 5)).then().statusCode(422).body("errors.field", contains("customerId"));
        post(EMAIL_EVENTS, Map.of("colour", "red")).then().statusCode(422).body("errors.field", contains("colour"));
        Map<String, Object> future = event(UUID.randomUUID().toString(), UUID.randomUUID(), "opened", "2999-01-01T00:00:00Z");
        post(EMAIL_EVENTS, future).then().statusCode(422).body("errors.field", contains("occurredAt"));
        post(EMAIL_EVENTS, Map.of()).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("campaignId", "customerId", "event", "occurredAt", "externalId"));
        post(EMAIL_EVENTS, Map.of("events", List.of())).then().statusCode(422).body("errors.field", contains("events"));
        post(EMAIL_EVENTS, Map.of("events", List.of(5))).then().statusCode(422).body("errors.field", contains("events[0]"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of());
        }
        post(EMAIL_EVENTS, Map.of("events", tooMany)).then().statusCode(422).body("errors.field", contains("events"));
        given().contentType(ContentType.JSON).body("\"sent\"").post(EMAIL_EVENTS).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aWebVisitIsRecordedForACustomerByIdOrEmailOnce() {
        String email = Marketing.email();
        UUID anna = Marketing.customer(email, Map.of());
        Map<String, Object> byId = visit(anna, "2025-03-01T10:00:00Z");
        post(WEB_VISITS, byId).then().statusCode(201).contentType(ContentType.JSON)
                .body("customerId", equalTo(anna.toString())).body("type", equalTo("marketing.web_visit")).body("touchpointId", notNullValue());
        post(WEB_VISITS, byId).then().statusCode(200).body("customerId", equalTo(anna.toString()));
        Map<String, Object> byEmail = visit(anna, "2025-03-01T11:00:00Z");
        byEmail.remove("customerId");
        byEmail.put("email", email);
        post(WEB_VISITS, byEmail).then().statusCode(201).body("customerId", equalTo(anna.toString()));

        assertEquals(2, timelineTypes(anna).stream().filter("marketing.web_visit"::equals).count());
    }

    @Test
    void badWebVisitsAreNamed() {
        UUID anna = customer();
        Map<String, Object> both = visit(anna, "2025-03-01T10:00:00Z");
        both.put("email", "a@example.com");
        post(WEB_VISITS, both).then().statusCode(422).body("errors.field", contains("email"));
        post(WEB_VISITS, Map.of("url", "ftp://example.com/x", "occurredAt", "2999-01-01T00:00:00Z", "externalId", ""))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("url", "externalId"));
        post(WEB_VISITS, Map.of("url", "https://example.com/x", "occurredAt", "2999-01-01T00:00:00Z", "externalId", "v-1"))
                .then().statusCode(422).body("errors.field", containsInAnyOrder("customerId", "occurredAt"));
        post(WEB_VISITS, Map.of("url", "https://example.com/x", "occurredAt", "soon", "externalId", "v-1"))
                .then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", contains("occurredAt")); // a value of the wrong type is named alone
        Map<String, Object> longUrl = visit(anna, "2025-03-01T10:00:00Z");
        longUrl.put("url", "https://example.com/" + "a".repeat(2000));
        post(WEB_VISITS, longUrl).then().statusCode(422).body("errors.field", contains("url"));
        post(WEB_VISITS, visit(UUID.randomUUID(), "2025-03-01T10:00:00Z")).then().statusCode(422).body("errors.field", contains("customerId"));
        Map<String, Object> stranger = visit(anna, "2025-03-01T10:00:00Z");
        stranger.remove("customerId");
        stranger.put("email", "nobody." + Fixtures.unique() + "@example.com");
        post(WEB_VISITS, stranger).then().statusCode(422).body("errors.field", contains("email"));
        stranger.put("email", "not-an-address");
        post(WEB_VISITS, stranger).then().statusCode(422).body("errors.field", contains("email"));
        given().contentType(ContentType.JSON).body("[]").post(WEB_VISITS).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aFormSubmissionFindsOrCreatesTheCustomerAndRecordsTheTouchpoint() {
        String email = Marketing.email();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("form", "whitepaper");
        body.put("email", email);
        body.put("firstName", "Anna");
        body.put("lastName", "Berg");
        body.put("fields", Map.of("topic", "retention", "employees", 250, "newsletter", true));
        JsonPath created = post(FORMS, body).then().statusCode(201).contentType(ContentType.JSON)
                .body("form", equalTo("whitepaper")).body("type", equalTo("marketing.form_submitted"))
                .body("fields.employees", equalTo("250")).body("touchpointId", notNullValue()).extract().jsonPath();
        UUID customerId = UUID.fromString(created.getString("customerId"));
        assertTrue(timelineTypes(customerId).contains("marketing.form_submitted"));
        given().get("/api/v1/customers/" + customerId).then().statusCode(200).body(containsString(email));

        body.put("form", "contact");
        body.put("externalId", "form-" + Fixtures.unique());
        post(FORMS, body).then().statusCode(201).body("customerId", equalTo(customerId.toString()));
        post(FORMS, body).then().statusCode(200).body("customerId", equalTo(customerId.toString()));
        assertEquals(2, timelineTypes(customerId).stream().filter("marketing.form_submitted"::equals).count());
    }

    @Test
    void badFormSubmissionsAreNamed() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            fields.put("f" + i, "v");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("form", "");
        body.put("email", "not-an-address");
        body.put("firstName", "x".repeat(101));
        body.put("fields", fields);
        post(FORMS, body).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("form", "email", "firstName", "fields"));
        post(FORMS, Map.of("form", "contact")).then().statusCode(422).body("errors.field", contains("email"));
        post(FORMS, Map.of("form", "contact", "email", Marketing.email(), "fields", Map.of("topic", Map.of("nested", 1))))
                .then().statusCode(422).body("errors.field", contains("fields.topic"));
        post(FORMS, Map.of("form", "contact", "email", Marketing.email(), "fields", Map.of("note", "x".repeat(1001))))
                .then().statusCode(422).body("errors.field", contains("fields.note"));
        given().contentType(ContentType.JSON).body("7").post(FORMS).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void onlyMarketingAdminsAndIntegrationsRecordActivity() {
        UUID anna = consenting("marketing", "email");
        String id = emailCampaign(anna);
        Map<String, Object> form = Map.of("form", "contact", "email", Marketing.email());
        for (String role : List.of("viewer", "sales", "support", "cx-manager")) {
            post(Staff.as(role), EMAIL_EVENTS, event(id, anna, "delivered", "2025-03-01T10:00:00Z")).then().statusCode(403)
                    .contentType(PROBLEM_JSON);
            post(Staff.as(role), WEB_VISITS, visit(anna, "2025-03-01T10:00:00Z")).then().statusCode(403);
            post(Staff.as(role), FORMS, form).then().statusCode(403);
        }
        given().auth().none().contentType(ContentType.JSON).body(visit(anna, "2025-03-01T10:00:00Z")).post(WEB_VISITS).then().statusCode(401);
        for (String role : List.of("marketing", "integration")) {
            post(Staff.as(role), EMAIL_EVENTS, event(id, anna, "delivered", "2025-03-01T10:00:00Z")).then().statusCode(201);
            post(Staff.as(role), WEB_VISITS, visit(anna, "2025-03-01T10:00:00Z")).then().statusCode(201);
            post(Staff.as(role), FORMS, Map.of("form", "contact", "email", Marketing.email())).then().statusCode(201);
        }
    }
}
