package dev.kreis.app;

import static dev.kreis.app.KpiApiTest.putTarget;
import static dev.kreis.app.KpiData.exact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every KPI endpoint refuses bad input with a problem naming the parameter or field, and checks who may call it. */
@QuarkusTest
class KpiApiBadInputTest {

    @Test
    void anUnknownKpiIs404NamingTheKeyOnEveryEndpoint() {
        exact().get("/api/v1/kpis/no_such_kpi").then().statusCode(404).contentType(Fixtures.PROBLEM_JSON)
                .body("detail", containsString("'no_such_kpi'"));
        exact().get("/api/v1/kpis/no_such_kpi/series").then().statusCode(404).body("detail", containsString("'no_such_kpi'"));
        putTarget("no_such_kpi", Map.of("value", 1, "owners", List.of("sales"), "shared", false)).then().statusCode(404)
                .body("detail", containsString("'no_such_kpi'"));
    }

    @Test
    void fromAfterOrEqualToIs422NamingFrom() {
        exact().queryParam("from", "2031-02-01").queryParam("to", "2031-01-01").get("/api/v1/kpis/nps").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        exact().queryParam("from", "2031-01-01").queryParam("to", "2031-01-01").get("/api/v1/kpis/nps/series").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        exact().queryParam("from", "2031-02-01").queryParam("to", "2031-01-01").get("/api/v1/kpis/funnel/steps").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        exact().queryParam("from", "2031-02-01").queryParam("to", "2031-01-01").get("/api/v1/kpis/peak-end/negative-peaks").then()
                .statusCode(422).body("errors[0].field", equalTo("from"));
    }

    @Test
    void malformedDatesAre400NamingTheParameter() {
        exact().queryParam("from", "yesterday").get("/api/v1/kpis/nps").then().statusCode(400).body("errors[0].field", equalTo("from"));
        exact().queryParam("to", "2031-13-01").get("/api/v1/kpis/nps/series").then().statusCode(400).body("errors[0].field", equalTo("to"));
        exact().queryParam("from", "2031-01-01T10:00:00Z").get("/api/v1/kpis/funnel/steps").then().statusCode(400)
                .body("errors[0].field", equalTo("from")).body("detail", containsString("UTC day"));
        exact().queryParam("to", "2031-02-30").get("/api/v1/kpis/peak-end/negative-peaks").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        exact().queryParam("from", "2031-01-01T00:00:00Z").queryParam("to", "2031-02-01").get("/api/v1/kpis/nps").then().statusCode(200)
                .body("from", equalTo("2031-01-01"));
    }

    @Test
    void anUnknownIntervalIs400NamingInterval() {
        exact().queryParam("interval", "hour").get("/api/v1/kpis/nps/series").then().statusCode(400)
                .body("errors[0].field", equalTo("interval")).body("detail", containsString("day, week, month"));
    }

    @Test
    void aSeriesOfMoreThan366PointsIsRefusedNamingInterval() {
        exact().queryParam("interval", "day").queryParam("from", "2030-01-01").queryParam("to", "2031-01-03")
                .get("/api/v1/kpis/nps/series").then().statusCode(422).body("errors[0].field", equalTo("interval"));
        exact().queryParam("interval", "week").queryParam("from", "2030-01-01").queryParam("to", "2031-01-03")
                .get("/api/v1/kpis/nps/series").then().statusCode(200);
    }

    @Test
    void anUnknownPhaseOrMalformedModuleIs400() {
        exact().queryParam("phase", "dreaming").get("/api/v1/kpis/nps").then().statusCode(400).body("errors[0].field", equalTo("phase"));
        exact().queryParam("module", "Not A Module").get("/api/v1/kpis/nps").then().statusCode(400)
                .body("errors[0].field", equalTo("module"));
        exact().queryParam("phase", "purchase").get("/api/v1/kpis/funnel/steps").then().statusCode(422)
                .body("errors[0].field", equalTo("phase"));
    }

    @Test
    void aTargetBodyWithInvalidFieldsNamesEveryOne() {
        putTarget("nps", Map.of("value", "high", "from", "2031-02-01", "to", "2031-01-01", "owners", List.of("Sales Team"),
                "atRisk", Map.of("kind", "relative", "width", -1)))
                .then().statusCode(422).contentType(Fixtures.PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("value", "from", "owners[0]", "shared", "atRisk.kind", "atRisk.width"));
        putTarget("nps", Map.of("owners", List.of(), "shared", true)).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("value", "owners"));
        putTarget("nps", Map.of("value", 1, "from", "soon", "owners", List.of("sales"), "shared", true)).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("from"));
    }

    @Test
    void aTargetBodyThatIsNotJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"value\": ").put("/api/v1/kpis/nps/target").then().statusCode(400);
        given().contentType(ContentType.JSON).body("[1, 2]").put("/api/v1/kpis/nps/target").then().statusCode(400);
    }

    @Test
    void aViewerReadsKpisButCannotSetTargets() {
        Staff.as("viewer").get("/api/v1/kpis").then().statusCode(200);
        Staff.as("viewer").get("/api/v1/kpis/nps").then().statusCode(200);
        Staff.as("viewer").get("/api/v1/kpis/nps/series").then().statusCode(200);
        Staff.as("viewer").get("/api/v1/kpis/funnel/steps").then().statusCode(200);
        Staff.as("viewer").get("/api/v1/kpis/peak-end/negative-peaks").then().statusCode(200);
        Staff.as("viewer").contentType(ContentType.JSON).body(Map.of("value", 1, "owners", List.of("sales"), "shared", false))
                .put("/api/v1/kpis/nps/target").then().statusCode(403);
    }

    @Test
    void aCxManagerSetsTargetsAndTheChangeIsAuditedWithBeforeAndAfter() {
        String manager = Staff.username("cx-manager");
        Map<String, Object> first = Map.of("value", 30, "from", "2041-01-01", "owners", List.of("product"), "shared", false);
        Staff.as("cx-manager").contentType(ContentType.JSON).body(first)
                .put("/api/v1/kpis/nps/target").then().statusCode(200).body("updatedBy", equalTo(manager));
        Staff.as("cx-manager").contentType(ContentType.JSON)
                .body(Map.of("value", 35, "from", "2041-01-01", "owners", List.of("product", "support"), "shared", true))
                .put("/api/v1/kpis/nps/target").then().statusCode(200);

        io.restassured.path.json.JsonPath audit = given().queryParam("action", "kpi.target.set").queryParam("targetId", "nps")
                .queryParam("actor", manager).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(manager, manager), audit.getList("items.actor"));
        assertEquals("kpi", audit.getString("items[0].targetType"));
        assertEquals(30.0, audit.getDouble("items[0].before.value"));
        assertEquals(35.0, audit.getDouble("items[0].after.value"));
        assertEquals(List.of("product", "support"), audit.getList("items[0].after.owners"));
        assertEquals("2041-01-01", audit.getString("items[0].after.from"));
        org.junit.jupiter.api.Assertions.assertNull(audit.get("items[1].before"), "the first target of the period replaced nothing");
    }

    @Test
    void withoutCredentialsEveryKpiEndpointIs401() {
        given().auth().none().get("/api/v1/kpis").then().statusCode(401);
        given().auth().none().get("/api/v1/kpis/nps").then().statusCode(401);
        given().auth().none().get("/api/v1/kpis/nps/series").then().statusCode(401);
        given().auth().none().get("/api/v1/kpis/funnel/steps").then().statusCode(401);
        given().auth().none().get("/api/v1/kpis/peak-end/negative-peaks").then().statusCode(401);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("value", 1)).put("/api/v1/kpis/nps/target").then().statusCode(401);
    }
}
