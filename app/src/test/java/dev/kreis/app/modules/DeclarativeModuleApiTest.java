package dev.kreis.app.modules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kreis.app.Fixtures;
import dev.kreis.app.KpiData;
import dev.kreis.app.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Declarative modules: a JSON descriptor uploaded to {@code POST /api/v1/modules} adds touchpoint types,
 * custom attributes and KPIs built from the engine's aggregations, without code or restart, with the
 * same lifecycle as bundled modules. Each test uploads a module with an id of its own.
 */
@QuarkusTest
class DeclarativeModuleApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedEventsExampleComputesItsKpisFromTheEngine() throws IOException {
        ObjectNode descriptor = example();
        String id = "ev-" + Fixtures.unique();
        String kpi = id.replace('-', '_');
        descriptor.put("id", id);
        rename(descriptor, "events", id, kpi);
        given().contentType(ContentType.JSON).body(descriptor.toString()).when().post("/api/v1/modules").then().statusCode(201)
                .body("id", equalTo(id)).body("origin", equalTo("declarative")).body("state", equalTo("available"))
                .body("touchpointTypes.key", hasItems(id + ".registered", id + ".attended"))
                .body("touchpointTypes.find { it.key == '" + id + ".session_rated' }.pyramidLevel", equalTo("engagement"));

        LocalDate window = KpiData.freshWindow();
        UUID anna = KpiData.customer();
        UUID ben = KpiData.customer();
        Fixtures.touchpointFor(anna).type(id + ".registered").post().then().statusCode(422)
                .body("errors[0].message", containsString("module '" + id + "'"));

        ModuleAdmin.install(id);
        List<Map<String, Object>> items = new ArrayList<>();
        for (UUID customer : List.of(anna, ben)) {
            items.add(KpiData.touchpoint(customer, id + ".registered", KpiData.at(window, 10)));
            items.add(KpiData.touchpoint(customer, id + ".registered", KpiData.at(window, 20)));
        }
        items.add(KpiData.touchpoint(anna, id + ".attended", KpiData.at(window.plusDays(1), 10)));
        items.add(KpiData.touchpoint(anna, id + ".attended", KpiData.at(window.plusDays(2), 10)));
        items.add(KpiData.touchpoint(ben, id + ".attended", KpiData.at(window.plusDays(2), 10)));
        items.add(KpiData.scored(anna, id + ".session_rated", 5, KpiData.at(window.plusDays(2), 30)));
        items.add(KpiData.scored(ben, id + ".session_rated", 3, KpiData.at(window.plusDays(2), 30)));
        Map<String, Object> ticket = KpiData.revenue(anna, id + ".ticket_bought", new BigDecimal("49.50"), KpiData.at(window, 5));
        items.add(ticket);
        items.add(KpiData.revenue(ben, id + ".ticket_bought", new BigDecimal("30.00"), KpiData.at(window, 6)));
        KpiData.ingest(items);

        LocalDate to = window.plusMonths(1);
        assertEquals(KpiData.four("75"), KpiData.value(kpi + ".attendance_rate", window, to));
        assertEquals(0, new BigDecimal("4").compareTo(KpiData.value(kpi + ".registrations", window, to)));
        assertEquals(0, new BigDecimal("2").compareTo(KpiData.value(kpi + ".attendees", window, to)));
        assertEquals(KpiData.four("50"), KpiData.value(kpi + ".session_csat", window, to));
        assertEquals(0, new BigDecimal("79.50").compareTo(KpiData.value(kpi + ".ticket_revenue", window, to)));
        given().when().get("/api/v1/kpis").then().statusCode(200).body("key", hasItem(kpi + ".attendance_rate"));

        try {
            ModuleAdmin.uninstall(id, "purge");
            given().when().get("/api/v1/kpis").then().statusCode(200).body("key", not(hasItem(kpi + ".attendance_rate")));
            ModuleAdmin.install(id);
            assertNull(KpiData.value(kpi + ".attendance_rate", window, to));
            assertEquals(0, KpiData.kpi(kpi + ".registrations", window, to).getLong("sampleSize"));
        } finally {
            ModuleAdmin.uninstall(id, "purge");
        }
    }

    @Test
    void customAttributesAreTypeCheckedAndNeedTheModuleInstalled() throws IOException {
        ObjectNode descriptor = example();
        String id = "ev-" + Fixtures.unique();
        descriptor.put("id", id);
        rename(descriptor, "events", id, id.replace('-', '_'));
        given().contentType(ContentType.JSON).body(descriptor.toString()).when().post("/api/v1/modules").then().statusCode(201);
        Fixtures.person("attr-test").email(Fixtures.email()).attribute(id + ".sessions_attended", 3).post().then().statusCode(422)
                .body("errors[0].field", equalTo("attributes." + id + ".sessions_attended"))
                .body("errors[0].message", containsString("not installed"));
        ModuleAdmin.install(id);
        try {
            Fixtures.person("attr-test").email(Fixtures.email()).attribute(id + ".sessions_attended", "three").post().then().statusCode(422)
                    .body("errors[0].message", containsString("must be a number"));
            Fixtures.person("attr-test").email(Fixtures.email()).attribute(id + ".sessions_attended", 3).post().then().statusCode(201);
            given().when().get("/api/v1/modules/" + id).then().statusCode(200)
                    .body("contributed.attribute", equalTo(List.of(id + ".dietary_needs", id + ".sessions_attended")));
        } finally {
            ModuleAdmin.uninstall(id, "keep");
        }
    }

    @Test
    void anInvalidDescriptorIsRefusedNamingEveryField() {
        Map<String, Object> descriptor = Map.of(
                "id", "Bad Id",
                "name", "x",
                "version", "one",
                "coreVersions", "soon",
                "department", "marketing",
                "touchpointTypes", List.of(Map.of("key", "other.thing")),
                "kpis", List.of(Map.of("key", "x.y", "name", "Y", "aggregation", "median", "types", List.of())),
                "colour", "red");
        given().contentType(ContentType.JSON).body(descriptor).when().post("/api/v1/modules").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("id", "version", "coreVersions", "touchpointTypes[0].phase", "kpis[0].aggregation", "colour"));
        given().contentType(ContentType.JSON).body("[1, 2]").when().post("/api/v1/modules").then().statusCode(422);
        given().contentType(ContentType.JSON).body("{ not json").when().post("/api/v1/modules").then().statusCode(400);
    }

    @Test
    void aModuleForAnotherCoreVersionIsRefusedAtInstallWithTheReason() {
        String id = "future-" + Fixtures.unique();
        given().contentType(ContentType.JSON).body(minimal(id, "1.0.0", ">=2.0.0 <3.0.0")).when().post("/api/v1/modules").then().statusCode(201)
                .body("compatible", equalTo(false));
        given().when().post("/api/v1/modules/" + id + "/install").then().statusCode(409)
                .body("detail", containsString("requires Kreis core >=2.0.0 <3.0.0, but this is Kreis core 0.1.0"));
    }

    @Test
    void uploadingAHigherVersionOfAnInstalledModuleUpgradesIt() {
        String id = "upg-" + Fixtures.unique();
        given().contentType(ContentType.JSON).body(minimal(id, "1.0.0", ">=0.1.0")).when().post("/api/v1/modules").then().statusCode(201);
        ModuleAdmin.install(id);
        UUID customer = KpiData.customer();
        Fixtures.touchpointFor(customer).type(id + ".seen_v2").post().then().statusCode(422);
        Map<String, Object> v2 = new java.util.LinkedHashMap<>(minimal(id, "1.1.0", ">=0.1.0"));
        v2.put("touchpointTypes", List.of(Map.of("key", id + ".seen", "phase", "awareness"), Map.of("key", id + ".seen_v2", "phase", "interest")));
        given().contentType(ContentType.JSON).body(minimal(id, "1.0.0", ">=0.1.0")).when().post("/api/v1/modules").then().statusCode(409);
        given().contentType(ContentType.JSON).body(v2).when().post("/api/v1/modules").then().statusCode(201);
        given().when().get("/api/v1/modules/" + id).then().statusCode(200).body("installedVersion", equalTo("1.1.0"))
                .body("state", equalTo("enabled"));
        Fixtures.touchpointFor(customer).type(id + ".seen_v2").post().then().statusCode(201);
        given().when().get("/api/v1/audit?targetType=module&targetId=" + id + "&action=module.upgraded").then().statusCode(200)
                .body("items[0].after.version", equalTo("1.1.0"));
        ModuleAdmin.uninstall(id, "purge");
    }

    @Test
    void idsOfTheCoreAndOfBundledModulesCannotBeTaken() {
        given().contentType(ContentType.JSON).body(minimal("customers", "1.0.0", ">=0.1.0")).when().post("/api/v1/modules").then().statusCode(422)
                .body("errors[0].field", equalTo("id"));
        given().contentType(ContentType.JSON).body(minimal(NotebookModule.ID, "1.0.0", ">=0.1.0")).when().post("/api/v1/modules").then()
                .statusCode(409);
    }

    @Test
    void onlyAdminsUploadModules() {
        Staff.as("cx-manager").contentType(ContentType.JSON).body(minimal("cx-" + Fixtures.unique(), "1.0.0", ">=0.1.0"))
                .when().post("/api/v1/modules").then().statusCode(403);
        given().auth().none().contentType(ContentType.JSON).body(minimal("cx-" + Fixtures.unique(), "1.0.0", ">=0.1.0"))
                .when().post("/api/v1/modules").then().statusCode(401);
    }

    private static Map<String, Object> minimal(String id, String version, String core) {
        return Map.of("id", id, "name", "Minimal " + id, "version", version, "coreVersions", core, "department", "marketing",
                "touchpointTypes", List.of(Map.of("key", id + ".seen", "phase", "awareness")));
    }

    /** docs/modules/events-webinars.json, the example admins start from. */
    private static ObjectNode example() throws IOException {
        Path file = Path.of("..", "docs", "modules", "events-webinars.json");
        return (ObjectNode) JSON.readTree(Files.readString(file));
    }

    private static void rename(ObjectNode descriptor, String from, String id, String kpiPrefix) {
        String text = descriptor.toString().replace("\"" + from + ".", "\"" + id + ".");
        try {
            ObjectNode renamed = (ObjectNode) JSON.readTree(text);
            renamed.withArray("kpis").forEach(k -> ((ObjectNode) k).put("key", k.get("key").asText().replace(id + ".", kpiPrefix + ".")));
            descriptor.setAll(renamed);
            descriptor.put("id", id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
