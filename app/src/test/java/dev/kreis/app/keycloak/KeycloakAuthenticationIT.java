package dev.kreis.app.keycloak;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Authentication in keycloak mode: which requests get 401, and what stays open. */
@QuarkusTest
@TestProfile(KeycloakTestProfile.class)
class KeycloakAuthenticationIT {

    @Test
    void theDocumentOffersTheRealmsOpenIdConnectSchemeOnSecuredOperations() {
        String server = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        JsonPath openapi = given().auth().none().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("openIdConnect", openapi.getString("components.securitySchemes.keycloak.type"));
        assertEquals(server.replaceAll("/+$", "") + "/.well-known/openid-configuration",
                openapi.getString("components.securitySchemes.keycloak.openIdConnectUrl"));
        assertEquals(List.of(Map.of("basic", List.of()), Map.of("bearer", List.of()), Map.of("keycloak", List.of())),
                openapi.getList("paths.'/api/v1/customers'.get.security"));
        assertEquals(null, openapi.getList("paths.'/public/v1/responses/{token}'.get.security"));
    }

    @Test
    void withoutATokenEveryApiEndpointAnswers401() {
        // Endpoints not (yet) served — not in the OpenAPI document — answer 404 or 405, as in local mode.
        Map<String, Map<String, Object>> served = given().auth().none().accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().path("paths");
        int checked = 0;
        for (KeycloakEndpoints.Endpoint endpoint : KeycloakEndpoints.all()) {
            io.restassured.response.Response response = endpoint.send(given().auth().none(), UUID.randomUUID().toString());
            int status = response.statusCode();
            boolean exists = served.containsKey(endpoint.path())
                    && served.get(endpoint.path()).containsKey(endpoint.method().toLowerCase(java.util.Locale.ROOT));
            if (exists) {
                checked++;
                assertEquals("application/problem+json", response.contentType().split(";")[0], endpoint.toString());
            }
            if (exists) {
                assertEquals(401, status, endpoint.toString());
            } else {
                assertTrue(status == 404 || status == 405, endpoint + ": " + status);
            }
        }
        assertTrue(checked >= 20, "most endpoints exist: " + checked);
    }

    @Test
    void aGarbageTokenIs401() {
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/customers")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").when().get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void aTokenWithAForgedPayloadIs401() {
        // The viewer's real token with its roles rewritten to admin: the signature no longer matches.
        String[] parts = KeycloakTokens.of(Role.VIEWER).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth().oauth2(forged).when().get("/api/v1/users").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        // A client of the realm whose access tokens live 10 s, created for this test through the admin API.
        String admin = given().auth().none().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", System.getProperty("kreis.test.keycloak.admin-password", "admin")))
                .when().post(KeycloakTestProfile.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String clientId = "expiry-probe-" + UUID.randomUUID();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "10")))
                .when().post(KeycloakTestProfile.keycloakUrl() + "/admin/realms/kreis/clients")
                .then().statusCode(201);

        JsonPath issued = KeycloakTokens.tokenResponse(Map.of("grant_type", "password", "client_id", clientId,
                "username", "viewer", "password", KeycloakTokens.password(Role.VIEWER)));
        String token = issued.getString("access_token");
        Instant expiry = Instant.ofEpochSecond(claims(token).getLong("exp"));
        if (Instant.now().isBefore(expiry.minusSeconds(2))) {
            // Still valid: accepted, so the later 401 is about expiry and not about this client.
            assertNotEquals(401, given().auth().oauth2(token).when().get("/api/v1/customers").statusCode());
        }
        while (!Instant.now().isAfter(expiry.plusSeconds(2))) {
            Thread.sleep(500);
        }
        given().auth().oauth2(token).when().get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpen() {
        given().auth().none().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().none().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200);
        // A valid token or wrong Basic credentials do not change that (a bad Keycloak token is 401 everywhere).
        given().auth().oauth2(KeycloakTokens.of(Role.VIEWER)).when().get("/q/health/ready").then().statusCode(200);
        given().auth().preemptive().basic("admin", "wrong").when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theTokensCarryTheRealmRoleOfTheirUser() {
        for (Role role : Role.values()) {
            assertEquals(List.of(role.key()), claims(KeycloakTokens.of(role)).getList("realm_access.roles"), role.key());
            assertEquals(role.key(), claims(KeycloakTokens.of(role)).getString("preferred_username"));
        }
        assertEquals(List.of(Role.INTEGRATION.key()), claims(KeycloakTokens.serviceAccount()).getList("realm_access.roles"));
    }

    @Test
    void anyRoleMayAskWhoItIs() {
        for (Role role : Role.values()) {
            given().auth().oauth2(KeycloakTokens.of(role)).when().get("/api/v1/me")
                    .then().statusCode(200).body("name", equalTo(role.key())).body("roles", equalTo(List.of(role.key())));
        }
        given().auth().oauth2(KeycloakTokens.serviceAccount()).when().get("/api/v1/me")
                .then().statusCode(200).body("name", equalTo("service-account-kreis-api"))
                .body("roles", equalTo(List.of(Role.INTEGRATION.key())));
        given().auth().none().when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void localAccountsAreNotAcceptedInKeycloakMode() {
        // The bootstrap admin of the test configuration exists as a local account, but Basic is refused.
        given().auth().preemptive().basic("admin", "kreis-test-bootstrap-password").when().get("/api/v1/customers")
                .then().statusCode(401);
        given().auth().preemptive().basic("viewer", KeycloakTokens.password(Role.VIEWER)).when().get("/api/v1/customers")
                .then().statusCode(401);
    }

    @Test
    void apiTokensKeepWorkingAndAreDecidedByTheMatrixAlone() {
        // Issued by the Keycloak admin; the enforcer lets requests without a Keycloak token through.
        String secret = given().auth().oauth2(KeycloakTokens.of(Role.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", "keycloak-mode sync", "roles", List.of("integration")))
                .when().post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().auth().none().header("Authorization", "Bearer " + secret).when().get("/api/v1/me")
                .then().statusCode(200).body("authenticatedBy", equalTo("token")).body("roles", equalTo(List.of("integration")));
        given().auth().none().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(dev.kreis.app.security.MatrixProbes.touchpoint()).when().post("/api/v1/touchpoints").then().statusCode(201);
        given().auth().none().header("Authorization", "Bearer " + secret).when().get("/api/v1/users")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPathNoResourceCoversIsDeniedEvenToTheAdmin() {
        // The enforcer is ENFORCING: a Keycloak token gets 403, not 404, where the realm has no resource.
        // Only the enforcer can answer here (no endpoint exists): its denial is a problem document too.
        given().auth().oauth2(KeycloakTokens.of(Role.ADMIN)).when().get("/api/v1/unknown")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(KeycloakTokens.of(Role.ADMIN)).when().get("/api/v1/customers/x/unknown").then().statusCode(403);
        // Only GET, POST, PUT, PATCH and DELETE are scopes of the resources.
        given().auth().oauth2(KeycloakTokens.of(Role.ADMIN)).when().head("/api/v1/customers").then().statusCode(403);
    }

    @Test
    void aDenialIsAProblemDocument() {
        given().auth().oauth2(KeycloakTokens.of(Role.VIEWER)).when().get("/api/v1/users")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("title", equalTo("Forbidden"));
    }

    static JsonPath claims(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
