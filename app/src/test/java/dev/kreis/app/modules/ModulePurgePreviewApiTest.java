package dev.kreis.app.modules;

import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.Staff;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /api/v1/modules/{id}/purge-preview}: what a purge would delete, counted, and nothing deleted by asking. */
@QuarkusTest
class ModulePurgePreviewApiTest {

    private static String installedWithTouchpoints(int count) {
        String id = "pp-" + unique();
        postJson("/api/v1/modules", Map.of("id", id, "name", "Preview " + id, "version", "1.0.0", "coreVersions", ">=0.1.0",
                "department", "marketing", "touchpointTypes", List.of(Map.of("key", id + ".seen", "phase", "awareness")))).then().statusCode(201);
        postJson("/api/v1/modules/" + id + "/install", Map.of()).then().statusCode(200);
        UUID customer = person("crm").name("Paula", "Preview" + unique()).email(Fixtures.email()).create().customerId();
        for (int i = 0; i < count; i++) {
            Fixtures.touchpointFor(customer).type(id + ".seen").post().then().statusCode(201);
        }
        return id;
    }

    @Test
    void countsTheTouchpointsAndContributionsAPurgeWouldDeleteAndDeletesNothing() {
        String id = installedWithTouchpoints(3);
        given().get("/api/v1/modules/" + id + "/purge-preview").then().statusCode(200)
                .body("module", equalTo(id)).body("state", equalTo("enabled"))
                .body("touchpoints", equalTo(3)).body("holds", equalTo(0))
                .body("contributions.'touchpoint-type'", contains(id + ".seen"))
                .body("records", org.hamcrest.Matchers.empty());
        given().get("/api/v1/modules/" + id + "/purge-preview").then().statusCode(200).body("touchpoints", equalTo(3));

        given().queryParam("data", "purge").delete("/api/v1/modules/" + id).then().statusCode(200);
        given().get("/api/v1/modules/" + id + "/purge-preview").then().statusCode(200)
                .body("state", equalTo("available")).body("touchpoints", equalTo(0));
    }

    @Test
    void anUnknownModuleIsNotFound() {
        given().get("/api/v1/modules/no-such-module-" + unique() + "/purge-preview").then().statusCode(404)
                .body("status", equalTo(404));
    }

    @Test
    void onlyModuleAdminsMayPreviewAPurge() {
        String id = installedWithTouchpoints(0);
        for (String role : List.of("viewer", "marketing", "cx-manager")) {
            Staff.as(role).get("/api/v1/modules/" + id + "/purge-preview").then().statusCode(403);
        }
        given().auth().none().get("/api/v1/modules/" + id + "/purge-preview").then().statusCode(401);
    }
}
