package dev.kreis.app.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kreis.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The bundled modules' endpoints in keycloak mode: every role's test user against every endpoint of every
 * bundled module (found in the code, as {@link KeycloakRealmCoversEndpointsTest} finds them), allowed or
 * denied exactly as the module's descriptor grants its permissions, through Keycloak's policy enforcer
 * and the shipped realm.
 */
@QuarkusTest
@TestProfile(KeycloakTestProfile.class)
class KeycloakModuleEndpointsIT {

    @Test
    void everyRoleReachesExactlyTheModuleEndpointsTheirDescriptorsGrant() throws IOException {
        assertEquals(List.of(), moduleEndpointsAgainstTheirDescriptors(role -> KeycloakTokens.as(role), Role.values()),
                "module calls answered against the descriptors");
    }

    /**
     * Enables every bundled module, then calls each module endpoint as each of {@code roles} (a fresh request of that
     * role's caller each time); returns the calls answered against the descriptors. Also used for browser sessions.
     */
    static List<String> moduleEndpointsAgainstTheirDescriptors(Function<Role, RequestSpecification> as, Role... roles) throws IOException {
        Map<String, Set<String>> permissions = KeycloakRealmMatchesMatrixTest.bundledModulePermissions(KeycloakTokens.as(Role.ADMIN));
        assertTrue(permissions.size() >= 6, "the bundled modules declare their permissions: " + permissions.keySet());
        for (String module : permissions.keySet().stream().map(p -> p.substring(0, p.indexOf(':'))).distinct().toList()) {
            String state = KeycloakTokens.as(Role.ADMIN).get("/api/v1/modules/" + module).then().statusCode(200).extract().path("state");
            if (!"enabled".equals(state)) {
                KeycloakTokens.as(Role.ADMIN).post("/api/v1/modules/" + module + ("disabled".equals(state) ? "/enable" : "/install"))
                        .then().statusCode(200);
            }
        }
        List<KeycloakRealmCoversEndpointsTest.CodeEndpoint> endpoints = KeycloakRealmCoversEndpointsTest.codeEndpoints().stream()
                .filter(e -> e.permission() != null && permissions.containsKey(e.permission())).toList();
        assertTrue(endpoints.size() >= 15, "module endpoints found: " + endpoints.size());
        List<String> wrong = new ArrayList<>();
        for (Role role : roles) {
            for (KeycloakRealmCoversEndpointsTest.CodeEndpoint endpoint : endpoints) {
                var request = as.apply(role);
                if (!endpoint.method().equals("GET")) {
                    request = request.contentType(ContentType.JSON).body("{}");
                }
                Response response = request.request(endpoint.method(), endpoint.path().replaceAll("\\{[^}/]+\\}", UUID.randomUUID().toString()));
                // integration writes module records but deletes nothing and changes no setting (SettingsAndDeletions)
                boolean refusedToIntegration = role == Role.INTEGRATION && (endpoint.method().equals("DELETE") || endpoint.changesSettings());
                boolean expected = permissions.get(endpoint.permission()).contains(role.key()) && !refusedToIntegration;
                KeycloakPermissionMatrixIT.check(wrong, role.key(), endpoint.method() + " " + endpoint.path() + " (" + endpoint.permission() + ")",
                        expected, response);
            }
        }
        return wrong;
    }
}
