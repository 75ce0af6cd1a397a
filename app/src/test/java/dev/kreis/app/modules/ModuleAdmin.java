package dev.kreis.app.modules;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

/**
 * Drives {@code /api/v1/modules} as the admin, for tests that need a module in a given state. Tests share
 * one database, so a test that needs a module installed calls {@link #ensureEnabled(String)} first and
 * a test that uninstalls a module installs it again before it ends.
 */
public final class ModuleAdmin {

    private ModuleAdmin() {
    }

    /** The module's entry in {@code GET /api/v1/modules}. */
    public static JsonPath state(String id) {
        return given().when().get("/api/v1/modules/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Installs (and so enables) the module, or enables it if it is installed but disabled. */
    public static void ensureEnabled(String id) {
        String state = state(id).getString("state");
        if (state.equals("available")) {
            given().when().post("/api/v1/modules/" + id + "/install").then().statusCode(200);
        } else if (state.equals("disabled")) {
            given().when().post("/api/v1/modules/" + id + "/enable").then().statusCode(200);
        }
    }

    /** Uninstalls the module, keeping ({@code keep}) or deleting ({@code purge}) its data. */
    public static void uninstall(String id, String data) {
        given().queryParam("data", data).when().delete("/api/v1/modules/" + id).then().statusCode(200);
    }

    /** Installs the module; it must not be installed. */
    public static void install(String id) {
        given().when().post("/api/v1/modules/" + id + "/install").then().statusCode(200);
    }

    /** The module's own records a purge would delete, by kind, from {@code GET /api/v1/modules/{id}/purge-preview}. */
    public static java.util.Map<String, Long> purgeRecords(String id) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        JsonPath preview = given().when().get("/api/v1/modules/" + id + "/purge-preview").then().statusCode(200).extract().jsonPath();
        for (java.util.Map<String, Object> entry : preview.<java.util.Map<String, Object>>getList("records")) {
            out.put((String) entry.get("kind"), ((Number) entry.get("count")).longValue());
        }
        return out;
    }
}
