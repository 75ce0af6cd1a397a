package dev.kreis.app;

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

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Test data for the KPI tests. KPIs aggregate everything in a period, and all tests share one database,
 * so every test works inside its own quarter of the twentieth century that no other test wrote into
 * ({@link #freshWindow()}), and builds touchpoints with unique external ids through the batch API.
 */
public final class KpiData {
    public static final String SOURCE = "kpi-test";

    private KpiData() {
    }

    /** A request that reads JSON numbers as BigDecimal, so KPI values compare exactly. */
    public static RequestSpecification exact() {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    /** The first day of a quarter (between 1900 and 1999) in which nothing happened yet, and nobody paid at its start. */
    public static LocalDate freshWindow() {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate start = LocalDate.of(1900 + ThreadLocalRandom.current().nextInt(100), 1 + 3 * ThreadLocalRandom.current().nextInt(4), 1);
            LocalDate end = start.plusMonths(3);
            JsonPath funnel = exact().queryParam("from", start.toString()).queryParam("to", end.toString())
                    .get("/api/v1/kpis/funnel/steps").then().statusCode(200).extract().jsonPath();
            long nrrSample = exact().queryParam("from", start.toString()).queryParam("to", end.toString())
                    .get("/api/v1/kpis/churn_rate").then().statusCode(200).extract().jsonPath().getLong("sampleSize");
            if (funnel.getLong("phases[0].customers") == 0 && nrrSample == 0) {
                return start;
            }
        }
        throw new IllegalStateException("no empty quarter found");
    }

    /** Midnight UTC of {@code day} plus {@code minutes}. */
    public static String at(LocalDate day, int minutes) {
        return OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC).plusMinutes(minutes).toString();
    }

    /** A new customer (a person unless {@code kind} says otherwise) with one profile from the test source. */
    public static UUID customer(String kind) {
        return Fixtures.Created.of(("organisation".equals(kind) ? Fixtures.organisation(SOURCE) : Fixtures.person(SOURCE)).email(Fixtures.email()).post().then().statusCode(201)
                .extract().response()).customerId();
    }

    public static UUID customer() {
        return customer("person");
    }

    /** A touchpoint of {@code type} for a customer at an instant. */
    public static Map<String, Object> touchpoint(UUID customerId, String type, String occurredAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("source", SOURCE);
        item.put("externalId", "kpi-" + UUID.randomUUID());
        item.put("customerId", customerId.toString());
        item.put("type", type);
        item.put("occurredAt", occurredAt);
        return item;
    }

    public static Map<String, Object> scored(UUID customerId, String type, int score, String occurredAt) {
        Map<String, Object> item = touchpoint(customerId, type, occurredAt);
        item.put("score", score);
        return item;
    }

    public static Map<String, Object> revenue(UUID customerId, String type, BigDecimal amount, String occurredAt) {
        Map<String, Object> item = touchpoint(customerId, type, occurredAt);
        item.put("amount", amount);
        item.put("currency", "EUR");
        return item;
    }

    public static Map<String, Object> interaction(UUID customerId, String phase, String initiator, String occurredAt) {
        Map<String, Object> item = touchpoint(customerId, "core.interaction", occurredAt);
        item.put("phase", phase);
        item.put("initiator", initiator);
        return item;
    }

    /**
     * Cancellations, on {@code day}, of the subscriptions of {@code customers}: a test that leaves
     * customers paying would put them into the cohort of every later quarter.
     */
    public static List<Map<String, Object>> cancellations(List<UUID> customers, LocalDate day) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (UUID customer : customers) {
            items.add(revenue(customer, "revenue.subscription_cancelled", BigDecimal.ZERO, at(day, 0)));
        }
        return items;
    }

    /** Ingests the items in batches, expecting every one to be accepted. */
    public static void ingest(List<Map<String, Object>> items) {
        for (int from = 0; from < items.size(); from += 1000) {
            List<Map<String, Object>> chunk = new ArrayList<>(items.subList(from, Math.min(items.size(), from + 1000)));
            JsonPath result = Fixtures.postJson("/api/v1/touchpoints/batch", Map.of("items", chunk)).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(chunk.size(), result.getInt("accepted"), () -> result.prettify());
        }
    }

    /** The KPI's JSON for [from, to), with extra query parameters as name, value pairs. */
    public static JsonPath kpi(String key, LocalDate from, LocalDate to, String... params) {
        RequestSpecification request = exact().queryParam("from", from.toString()).queryParam("to", to.toString());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/v1/kpis/" + key).then().statusCode(200).extract().jsonPath();
    }

    /** The KPI's value, null when there is no data. */
    public static BigDecimal value(String key, LocalDate from, LocalDate to, String... params) {
        return kpi(key, from, to, params).getObject("value", BigDecimal.class);
    }

    /** {@code expected} as a KPI value: four decimal places. */
    public static BigDecimal four(String expected) {
        return new BigDecimal(expected).setScale(4);
    }
}
