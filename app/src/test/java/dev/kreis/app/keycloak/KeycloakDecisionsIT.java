package dev.kreis.app.keycloak;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.security.Access;
import dev.kreis.platform.security.Capability;
import dev.kreis.platform.security.Role;
import io.restassured.response.Response;

/**
 * Keycloak's own decisions, without Kreis: for every role, capability and HTTP method, the running
 * Keycloak is asked (UMA grant, {@code response_mode=decision}) whether the role's test user may use that
 * scope of that resource — the question the policy enforcer asks for each request. The answers must be
 * the matrix. Kreis' endpoints check the matrix too, so this is what shows the realm alone is neither
 * stricter nor more generous than {@link Capability}.
 */
class KeycloakDecisionsIT {

    @Test
    void keycloakGrantsEveryRoleExactlyTheMatrix() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            check(wrong, role.key(), KeycloakTokens.of(role), role);
        }
        check(wrong, "service-account-kreis-api", KeycloakTokens.serviceAccount(), Role.INTEGRATION);
        assertEquals(List.of(), wrong, "Keycloak's decisions against the matrix");
    }

    private static void check(List<String> wrong, String who, String token, Role role) {
        for (Capability capability : Capability.values()) {
            for (String scope : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                Access access = "GET".equals(scope) ? Access.READ : Access.WRITE;
                boolean expected = capability.allows(role, access);
                Response response = given().auth().oauth2(token)
                        .formParam("grant_type", "urn:ietf:params:oauth:grant-type:uma-ticket")
                        .formParam("audience", "kreis-api")
                        .formParam("permission", capability.key() + "#" + scope)
                        .formParam("response_mode", "decision")
                        .when().post(KeycloakTestProfile.realmUrl() + "/protocol/openid-connect/token");
                boolean granted = response.statusCode() == 200 && Boolean.TRUE.equals(response.jsonPath().get("result"));
                boolean denied = response.statusCode() == 403 && "access_denied".equals(response.jsonPath().get("error"));
                if (granted != expected || denied == expected) {
                    wrong.add(who + " " + capability.key() + "#" + scope + ": " + response.statusCode() + " " + response.asString());
                }
            }
        }
    }
}
