package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Secure by default: every API operation the OpenAPI document lists refuses a caller without credentials. */
@QuarkusTest
class EndpointSecurityTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationAnswers401WithoutCredentials() {
        JsonPath openapi = given().auth().none().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            for (String method : path.getValue().keySet()) {
                int status = given().auth().none().contentType("application/json").body("{}")
                        .request(method.toUpperCase(), concrete).statusCode();
                checked++;
                if (status != 401) {
                    open.add(method.toUpperCase() + " " + path.getKey() + " → " + status);
                }
            }
        }
        assertTrue(checked >= 20, "only " + checked + " operations found");
        assertEquals(List.of(), open);
    }

    @Test
    void theOpenApiDocumentDeclaresHowToAuthenticate() {
        JsonPath openapi = given().auth().none().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertTrue(openapi.getMap("components.securitySchemes").containsKey("basic"), "basic scheme");
        assertTrue(openapi.getMap("components.securitySchemes").containsKey("bearer"), "bearer scheme");
    }

    /** Operations under /api that take no login: the vendor's signature is their credential (they still answer 401 unsigned). */
    private static final List<String> SIGNED_NOT_AUTHENTICATED = List.of("POST /api/v1/connections/{id}/webhook");

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationDocumentsItsSecurityAnd401And403() {
        JsonPath openapi = given().auth().none().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, operation) -> {
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (SIGNED_NOT_AUTHENTICATED.contains(method.toUpperCase() + " " + path)) {
                    Object security = operation.get("security");
                    boolean open = security == null || List.of().equals(security) || List.of(Map.of()).equals(security);
                    if (!open || !responses.containsKey("401")) {
                        undocumented.add(method.toUpperCase() + " " + path);
                    }
                    return;
                }
                if (!List.of(Map.of("basic", List.of()), Map.of("bearer", List.of())).equals(operation.get("security"))
                        || !responses.containsKey("401") || !responses.containsKey("403")) {
                    undocumented.add(method.toUpperCase() + " " + path);
                }
            });
        });
        assertEquals(List.of(), undocumented);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLocalModeDocumentOffersBasicAndBearerOnlyAndThePublicSurveyLinksNeedNoCredentials() {
        JsonPath openapi = given().auth().none().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of("basic", "bearer"), openapi.getMap("components.securitySchemes").keySet());
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        List<String> secured = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/public/") && (operation.get("security") != null || openapi.get("security") != null)) {
                secured.add(method.toUpperCase() + " " + path);
            }
        }));
        assertTrue(paths.containsKey("/public/v1/responses/{token}"), "the public survey link is documented");
        assertEquals(List.of(), secured);
    }

    @Test
    void healthIsOpen() {
        given().auth().none().get("/q/health").then().statusCode(200);
    }
}
