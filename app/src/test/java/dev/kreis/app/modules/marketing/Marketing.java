package dev.kreis.app.modules.marketing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.kreis.app.Fixtures;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test data for the marketing module's API tests: customers, consents, campaigns, events, KPIs. */
final class Marketing {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String CAMPAIGNS = "/api/v1/marketing/campaigns";
    static final String EMAIL_EVENTS = "/api/v1/marketing/email-events";
    static final String WEB_VISITS = "/api/v1/marketing/web-visits";
    static final String FORMS = "/api/v1/marketing/form-submissions";
    static final String SOURCE = "mkt-test";

    private Marketing() {
    }

    /** A request that reads JSON numbers as BigDecimal, so KPI values compare exactly. */
    static RequestSpecification exact() {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    static String email() {
        return "mkt." + Fixtures.unique() + "@example.com";
    }

    /** A new person with a unique e-mail address and the given attributes. */
    static UUID customer(String email, Map<String, Object> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", SOURCE);
        body.put("externalId", "ext-" + Fixtures.unique());
        body.put("kind", "person");
        body.put("identifiers", List.of(Map.of("type", "email", "value", email)));
        if (!attributes.isEmpty()) {
            body.put("attributes", attributes);
        }
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/profiles").then().statusCode(201).extract().path("customerId");
        return UUID.fromString(id);
    }

    static UUID customer() {
        return customer(email(), Map.of());
    }

    /** A customer who granted {@code purpose} on {@code channel}. */
    static UUID consenting(String purpose, String channel) {
        UUID id = customer();
        consent(id, purpose, channel, "granted");
        return id;
    }

    static void consent(UUID customerId, String purpose, String channel, String status) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("purpose", purpose);
        item.put("channel", channel);
        item.put("status", status);
        item.put("source", "web-form");
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(item))).put("/api/v1/customers/" + customerId + "/consents")
                .then().statusCode(200);
    }

    static Map<String, Object> listAudience(UUID... ids) {
        return Map.of("type", "list", "customerIds", List.of(ids).stream().map(UUID::toString).toList());
    }

    static Map<String, Object> campaignBody(String channel, Map<String, Object> audience) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Campaign " + Fixtures.unique());
        body.put("channel", channel);
        body.put("audience", audience);
        return body;
    }

    static Response post(RequestSpecification as, String path, Object body) {
        return as.contentType(ContentType.JSON).body(body).post(path);
    }

    static Response post(String path, Object body) {
        return post(given(), path, body);
    }

    /** Creates a campaign and answers its id. */
    static String campaign(String channel, Map<String, Object> audience) {
        return post(CAMPAIGNS, campaignBody(channel, audience)).then().statusCode(201).extract().path("id");
    }

    /** An e-mail campaign for the customers, members refreshed. */
    static String emailCampaign(UUID... members) {
        String id = campaign("email", listAudience(members));
        refresh(id);
        return id;
    }

    static JsonPath refresh(String campaignId) {
        return given().post(CAMPAIGNS + "/" + campaignId + "/members/refresh").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath members(String campaignId) {
        return given().queryParam("limit", 200).get(CAMPAIGNS + "/" + campaignId + "/members").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> event(String campaignId, UUID customerId, String event, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", campaignId);
        body.put("customerId", customerId.toString());
        body.put("event", event);
        body.put("occurredAt", occurredAt);
        body.put("externalId", "prov-" + UUID.randomUUID());
        return body;
    }

    static void events(List<Map<String, Object>> events) {
        for (int from = 0; from < events.size(); from += 1000) {
            List<Map<String, Object>> chunk = events.subList(from, Math.min(events.size(), from + 1000));
            post(EMAIL_EVENTS, Map.of("events", chunk)).then().statusCode(200);
        }
    }

    static Map<String, Object> visit(UUID customerId, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId.toString());
        body.put("url", "https://shop.example.com/pricing");
        body.put("occurredAt", occurredAt);
        body.put("externalId", "visit-" + UUID.randomUUID());
        return body;
    }

    /** An order touchpoint through the core's ingestion. */
    static void order(UUID customerId, String occurredAt, String amount) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("source", SOURCE);
        item.put("externalId", "order-" + UUID.randomUUID());
        item.put("customerId", customerId.toString());
        item.put("type", "revenue.order");
        item.put("occurredAt", occurredAt);
        item.put("amount", new BigDecimal(amount));
        item.put("currency", "EUR");
        JsonPath result = post("/api/v1/touchpoints/batch", Map.of("items", List.of(item))).then().statusCode(200).extract().jsonPath();
        assertEquals(1, result.getInt("accepted"), result::prettify);
    }

    /** Midnight UTC of {@code day} plus {@code minutes}. */
    static String at(LocalDate day, int minutes) {
        return OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC).plusMinutes(minutes).toString();
    }

    static JsonPath kpi(String key, LocalDate from, LocalDate to) {
        return exact().queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/kpis/" + key)
                .then().statusCode(200).extract().jsonPath();
    }

    static BigDecimal value(String key, LocalDate from, LocalDate to) {
        return kpi(key, from, to).getObject("value", BigDecimal.class);
    }

    static BigDecimal four(String expected) {
        return new BigDecimal(expected).setScale(4);
    }

    /** The first day of a month between 1900 and 1999 in which no marketing KPI has data yet. */
    static LocalDate freshMonth() {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate start = LocalDate.of(1900 + ThreadLocalRandom.current().nextInt(100), 1 + ThreadLocalRandom.current().nextInt(12), 1);
            LocalDate end = start.plusMonths(1);
            if (kpi("marketing.email_open_rate", start, end).get("value") == null
                    && kpi("marketing.email_click_rate", start, end).get("value") == null
                    && kpi("marketing.campaign_conversion", start, end).getLong("sampleSize") == 0
                    && kpi("marketing.web_visits", start, end).getLong("sampleSize") == 0
                    && (kpi("marketing.web_visits", start, end).get("value") == null
                            || kpi("marketing.web_visits", start, end).getObject("value", BigDecimal.class).signum() == 0)) {
                return start;
            }
        }
        throw new IllegalStateException("no empty month found");
    }

    /** The types of the customer's timeline (first page of 500). */
    static List<String> timelineTypes(UUID customerId) {
        return new ArrayList<>(given().queryParam("limit", 500).get("/api/v1/customers/" + customerId + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.type"));
    }
}
