package dev.kreis.app.modules.sales;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.app.Fixtures;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test data and requests for the sales module's API tests. Every value that could collide carries a random part. */
final class SalesApi {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASE = "/api/v1/sales";

    private SalesApi() {
    }

    static String email() {
        return "lead." + Fixtures.unique() + "@example.com";
    }

    /** A new customer with one profile (source sales-test) and a unique e-mail. */
    static UUID customer() {
        return customer(email());
    }

    /** A new customer with one profile (source sales-test) and this e-mail. */
    static UUID customer(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "sales-test");
        body.put("externalId", "st-" + Fixtures.unique());
        body.put("kind", "person");
        body.put("identifiers", List.of(Map.of("type", "email", "value", email)));
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/profiles").then().statusCode(201).extract()
                .jsonPath().getString("customerId"));
    }

    static Response post(RequestSpecification as, String path, Object body) {
        return as.contentType(ContentType.JSON).body(body).when().post(BASE + path);
    }

    static Response post(String path, Object body) {
        return post(given(), path, body);
    }

    static Response patch(RequestSpecification as, String path, Object body) {
        return as.contentType(ContentType.JSON).body(body).when().patch(BASE + path);
    }

    static Response patch(String path, Object body) {
        return patch(given(), path, body);
    }

    static JsonPath get(String path) {
        return given().get(BASE + path).then().statusCode(200).extract().jsonPath();
    }

    /** A request that reads JSON numbers as BigDecimal. */
    static RequestSpecification exact() {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    /** A map from alternating keys and values; values may be null. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    static String lead(String email) {
        return post("/leads", body("email", email, "firstName", "Lena", "lastName", "Lead", "company", "Acme " + Fixtures.unique(), "source", "web"))
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    static String deal(UUID customer, String amount) {
        return post("/deals", body("customerId", customer.toString(), "name", "Deal " + Fixtures.unique(), "amount", new BigDecimal(amount)))
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    static String order(UUID customer, String amount, String orderedAt) {
        return post("/orders", body("customerId", customer.toString(), "amount", new BigDecimal(amount), "orderedAt", orderedAt, "externalId",
                "ord-" + Fixtures.unique())).then().statusCode(201).extract().jsonPath().getString("id");
    }

    static String subscription(UUID customer, String mrr, String startedAt) {
        return post("/subscriptions", body("customerId", customer.toString(), "mrr", new BigDecimal(mrr), "startedAt", startedAt, "plan", "pro"))
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    static void cancel(String subscription, String at) {
        post("/subscriptions/" + subscription + "/cancel", body("at", at, "reason", "too expensive")).then().statusCode(200);
    }

    /** Midnight UTC of {@code day} plus {@code minutes}, ISO-8601. */
    static String at(LocalDate day, int minutes) {
        return OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC).plusMinutes(minutes).toString();
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
    }

    /** The touchpoint types on the customer's whole timeline. */
    static List<String> timelineTypes(UUID customer) {
        List<String> types = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200).extract().jsonPath();
            types.addAll(page.getList("items.type"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return types;
    }

    /** The KPI's JSON for [from, to). */
    static JsonPath kpi(String key, LocalDate from, LocalDate to) {
        return exact().queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/kpis/" + key).then().statusCode(200)
                .extract().jsonPath();
    }

    static BigDecimal value(String key, LocalDate from, LocalDate to) {
        return kpi(key, from, to).getObject("value", BigDecimal.class);
    }

    static BigDecimal four(String expected) {
        return new BigDecimal(expected).setScale(4);
    }
}
