package dev.kreis.app.keycloak;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * How the running Keycloak resolves request paths to the realm's resources — the lookup the policy
 * enforcer makes for every path it has not cached ({@code lazy-load-paths}): the protection API's
 * resource search by matching URI, asked with the service account of kreis-api as the enforcer does.
 * Plain JUnit against Keycloak; no Kreis needed.
 */
class KeycloakPathMatchingIT {

    @Test
    void everyEndpointResolvesToTheResourceOfItsCapability() {
        List<String> wrong = new ArrayList<>();
        for (KeycloakEndpoints.Endpoint endpoint : KeycloakEndpoints.all()) {
            String path = endpoint.concretePath(UUID.randomUUID().toString());
            List<String> resources = resourcesMatching(path);
            if (!resources.equals(List.of(endpoint.capability().key()))) {
                wrong.add(endpoint + " as " + path + " → " + resources);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theMostSpecificTemplateWinsAndTemplatesMatchWholeSegmentsOnly() {
        String id = UUID.randomUUID().toString();
        assertEquals(List.of("customer-record"), resourcesMatching("/api/v1/customers/" + id));
        assertEquals(List.of("identity-resolution"), resourcesMatching("/api/v1/customers/" + id + "/merge"));
        assertEquals(List.of("consents"), resourcesMatching("/api/v1/customers/" + id + "/consents"));
        // A trailing slash is the same path.
        assertEquals(List.of("customer-record"), resourcesMatching("/api/v1/customers/" + id + "/"));
        // No resource: unknown sub-paths and deeper paths are not swallowed by a shorter template.
        assertEquals(List.of(), resourcesMatching("/api/v1/customers/" + id + "/merge/extra"));
        assertEquals(List.of(), resourcesMatching("/api/v1/customers/" + id + "/unknown"));
        assertEquals(List.of(), resourcesMatching("/api/v1/me"));
        assertEquals(List.of(), resourcesMatching("/api/v1/unknown"));
    }

    static List<String> resourcesMatching(String path) {
        return given().auth().oauth2(KeycloakTokens.serviceAccount())
                .queryParam("uri", path).queryParam("matchingUri", true).queryParam("deep", true)
                .when().get(KeycloakTestProfile.realmUrl() + "/authz/protection/resource_set")
                .then().statusCode(200).extract().jsonPath().getList("name", String.class);
    }
}
