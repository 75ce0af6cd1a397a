package dev.kreis.app.modules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kreis.app.Fixtures;
import dev.kreis.app.KpiData;
import dev.kreis.app.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The module lifecycle through {@code /api/v1/modules}, on the test module {@link NotebookModule} (written
 * against the SPI only): install runs its migration, uninstall keeps or purges, and while it is not
 * installed its API answers 404, its touchpoint type is refused and its KPI hidden.
 */
@QuarkusTest
class ModuleLifecycleApiTest {

    @Test
    void installUseUninstallKeepReinstallPurgeRoundTrip() {
        ModuleAdmin.ensureEnabled(NotebookModule.ID);
        LocalDate window = KpiData.freshWindow();
        UUID customer = KpiData.customer();
        note(customer, "Prefers phone calls", KpiData.at(window, 60)).then().statusCode(200);
        note(customer, "Asked about invoices", KpiData.at(window, 120)).then().statusCode(200);
        assertEquals(new BigDecimal("2"), KpiData.value(NotebookModule.KPI, window, window.plusDays(1)).stripTrailingZeros());

        try {
            ModuleAdmin.uninstall(NotebookModule.ID, "keep");
            ModuleAdmin.state(NotebookModule.ID).getString("state").equals("available");
            given().queryParam("customerId", customer.toString()).when().get("/api/v1/notebook/notes").then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://kreis.dev/problems/module-not-installed"))
                    .body("detail", containsString("notebook"));
            Fixtures.touchpointFor(customer).type(NotebookModule.NOTED).post().then().statusCode(422)
                    .body("errors[0].field", equalTo("type")).body("errors[0].message", containsString("module 'notebook'"));
            given().when().get("/api/v1/kpis").then().statusCode(200).body("key", not(hasItem(NotebookModule.KPI)));
            given().when().get("/api/v1/touchpoint-types").then().statusCode(200).body("key", not(hasItem(NotebookModule.NOTED)))
                    .body("find { it.key == 'feedback.csat' }.pyramidLevel", equalTo("engagement"));
            given().queryParam("from", window.toString()).queryParam("to", window.plusDays(1).toString())
                    .when().get("/api/v1/kpis/" + NotebookModule.KPI).then().statusCode(404);
        } finally {
            ModuleAdmin.ensureEnabled(NotebookModule.ID);
        }
        given().queryParam("customerId", customer.toString()).when().get("/api/v1/notebook/notes").then().statusCode(200)
                .body("text", equalTo(List.of("Prefers phone calls", "Asked about invoices")));
        assertEquals(new BigDecimal("2"), KpiData.value(NotebookModule.KPI, window, window.plusDays(1)).stripTrailingZeros());
        given().when().get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .body("items.findAll { it.type == 'notebook.noted' }", hasSize(2));
        given().when().get("/api/v1/touchpoint-types").then().statusCode(200).body("key", hasItem(NotebookModule.NOTED));

        try {
            ModuleAdmin.uninstall(NotebookModule.ID, "purge");
        } finally {
            ModuleAdmin.ensureEnabled(NotebookModule.ID);
        }
        given().queryParam("customerId", customer.toString()).when().get("/api/v1/notebook/notes").then().statusCode(200).body("$", hasSize(0));
        given().when().get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .body("items.findAll { it.type == 'notebook.noted' }", hasSize(0));
        assertEquals(0, KpiData.kpi(NotebookModule.KPI, window, window.plusDays(1)).getLong("sampleSize"));
    }

    @Test
    void theListShowsStateVersionsContributionsAndTheConfigurationSchema() {
        ModuleAdmin.ensureEnabled(NotebookModule.ID);
        given().when().get("/api/v1/modules").then().statusCode(200)
                .body("coreVersion", equalTo("0.1.0"))
                .body("items.find { it.id == 'notebook' }.state", equalTo("enabled"))
                .body("items.find { it.id == 'notebook' }.origin", equalTo("bundled"))
                .body("items.find { it.id == 'notebook' }.installedVersion", equalTo("1.0.0"))
                .body("items.find { it.id == 'notebook' }.compatible", equalTo(true))
                .body("items.find { it.id == 'notebook' }.contributed.'touchpoint-type'", equalTo(List.of("notebook.noted")))
                .body("items.find { it.id == 'notebook' }.contributed.kpi", equalTo(List.of("notebook.notes")))
                .body("items.find { it.id == 'notebook' }.contributed.permission", equalTo(List.of("notebook:read", "notebook:write")))
                .body("items.find { it.id == 'notebook' }.configSchema[0].key", equalTo("maxLength"))
                .body("items.find { it.id == 'notebook' }.config.maxLength", equalTo("200"));
    }

    @Test
    void disabledModulesAnswer404AndEnableBringsThemBack() {
        ModuleAdmin.ensureEnabled(NotebookModule.ID);
        UUID customer = KpiData.customer();
        try {
            given().when().post("/api/v1/modules/notebook/disable").then().statusCode(200).body("state", equalTo("disabled"));
            note(customer, "hello", null).then().statusCode(404).body("title", equalTo("Module not installed"));
            given().auth().none().queryParam("customerId", customer.toString()).when().get("/api/v1/notebook/notes").then().statusCode(401);
            given().auth().preemptive().basic("nobody-" + Fixtures.unique(), "not-a-password-at-all").queryParam("customerId", customer.toString()).when()
                    .get("/api/v1/notebook/notes").then().statusCode(401);
            given().when().post("/api/v1/modules/notebook/disable").then().statusCode(409);
        } finally {
            ModuleAdmin.ensureEnabled(NotebookModule.ID);
        }
        note(customer, "hello", null).then().statusCode(200);
    }

    @Test
    void configurationIsValidatedAgainstTheSchema() {
        ModuleAdmin.ensureEnabled(NotebookModule.ID);
        given().contentType(ContentType.JSON).body(Map.of("maxLength", 500)).when().put("/api/v1/modules/notebook/config").then().statusCode(422)
                .body("errors[0].field", equalTo("maxLength")).body("errors[0].message", containsString("at most 200"));
        given().contentType(ContentType.JSON).body(Map.of("maxLength", "long")).when().put("/api/v1/modules/notebook/config").then().statusCode(422)
                .body("errors[0].field", equalTo("maxLength"));
        given().contentType(ContentType.JSON).body(Map.of("colour", "red")).when().put("/api/v1/modules/notebook/config").then().statusCode(422)
                .body("errors[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON).body(Map.of("maxLength", 150)).when().put("/api/v1/modules/notebook/config").then().statusCode(200)
                .body("config.maxLength", equalTo("150"));
        given().contentType(ContentType.JSON).body(Map.of()).when().put("/api/v1/modules/notebook/config").then().statusCode(200)
                .body("config.maxLength", equalTo("200"));
        given().when().get("/api/v1/audit?targetType=module&targetId=notebook&action=module.configured").then().statusCode(200)
                .body("items[0].after.maxLength", equalTo("200"));
    }

    @Test
    void badLifecycleRequestsAreRefusedWithProblems() {
        ModuleAdmin.ensureEnabled(NotebookModule.ID);
        given().when().post("/api/v1/modules/notebook/install").then().statusCode(409).body("detail", containsString("already installed"));
        given().when().post("/api/v1/modules/nosuchmodule/install").then().statusCode(404);
        given().when().get("/api/v1/modules/nosuchmodule").then().statusCode(404);
        given().when().delete("/api/v1/modules/notebook").then().statusCode(422).body("errors[0].field", equalTo("data"));
        given().queryParam("data", "maybe").when().delete("/api/v1/modules/notebook").then().statusCode(422).body("errors[0].field", equalTo("data"));
        given().when().post("/api/v1/modules/notebook/enable").then().statusCode(409);
    }

    @Test
    void onlyAdminsManageModulesAndModulePermissionsFollowTheDescriptor() {
        ModuleAdmin.ensureEnabled(NotebookModule.ID);
        given().auth().none().when().get("/api/v1/modules").then().statusCode(401);
        Staff.as("cx-manager").when().get("/api/v1/modules").then().statusCode(403);
        Staff.as("support").when().post("/api/v1/modules/notebook/disable").then().statusCode(403);
        UUID customer = KpiData.customer();
        Staff.as("support").contentType(ContentType.JSON).body(Map.of("customerId", customer.toString(), "text", "ok"))
                .when().post("/api/v1/notebook/notes").then().statusCode(200);
        Staff.as("viewer").contentType(ContentType.JSON).body(Map.of("customerId", customer.toString(), "text", "no"))
                .when().post("/api/v1/notebook/notes").then().statusCode(403);
        Staff.as("viewer").queryParam("customerId", customer.toString()).when().get("/api/v1/notebook/notes").then().statusCode(200);
        Staff.as("marketing").queryParam("customerId", customer.toString()).when().get("/api/v1/notebook/notes").then().statusCode(403);
        given().auth().none().queryParam("customerId", customer.toString()).when().get("/api/v1/notebook/notes").then().statusCode(401);
    }

    @Test
    void moduleProblemsBecomeProblemResponsesNamingTheField() {
        ModuleAdmin.ensureEnabled(NotebookModule.ID);
        note(KpiData.customer(), "", null).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"));
        note(UUID.randomUUID(), "to nobody", null).then().statusCode(422).body("errors[0].field", equalTo("customerId"));
    }

    private static io.restassured.response.Response note(UUID customer, String text, String at) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("text", text);
        if (at != null) {
            body.put("at", at);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/notebook/notes");
    }
}
