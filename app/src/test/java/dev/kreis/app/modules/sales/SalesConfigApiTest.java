package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.email;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The module's settings: the priority window shows in the reason at once; contradicting thresholds are refused. */
@QuarkusTest
class SalesConfigApiTest {

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    static Response configure(Map<String, Object> settings) {
        return given().contentType(ContentType.JSON).body(settings).put("/api/v1/modules/sales/config");
    }

    @Test
    void thePriorityWindowIsConfigurableAndThresholdsMustBeOrdered() {
        String lead = SalesApi.lead(email());
        try {
            configure(Map.of("priorityWindowDays", 7, "mediumVisits", 2, "highVisits", 4)).then().statusCode(200);
            given().get("/api/v1/sales/leads/" + lead).then().statusCode(200).body("priorityReason", equalTo("0 web visits in the last 7 days"));

            configure(Map.of("mediumVisits", 5, "highVisits", 5)).then().statusCode(422).body("errors.field", hasItem("highVisits"));
            configure(Map.of("priorityWindowDays", 0)).then().statusCode(422).body("errors.field", hasItem("priorityWindowDays"));
            given().get("/api/v1/sales/leads/" + lead).then().body("priorityReason", equalTo("0 web visits in the last 7 days"));
        } finally {
            configure(Map.of()).then().statusCode(200);
        }
        given().get("/api/v1/sales/leads/" + lead).then().body("priorityReason", equalTo("0 web visits in the last 14 days"));
    }
}
