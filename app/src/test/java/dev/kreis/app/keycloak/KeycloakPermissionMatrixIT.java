package dev.kreis.app.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.kreis.app.security.MatrixProbes;
import dev.kreis.platform.security.Access;
import dev.kreis.platform.security.Capability;
import dev.kreis.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Kreis in keycloak mode against a real Keycloak with the shipped realm: every role's test user against
 * every endpoint the realm covers, allowed (neither 401 nor 403) or denied (403) exactly as
 * {@link Capability} says. A call the policy enforcer denies answers 403 before it reaches the endpoint,
 * so a 404 from an endpoint that does not exist yet proves the enforcer let the call through.
 */
@QuarkusTest
@TestProfile(KeycloakTestProfile.class)
class KeycloakPermissionMatrixIT {

    @Test
    void everyRoleReachesExactlyTheEndpointsTheMatrixGrantsIt() {
        assertEquals(List.of(), endpointsAgainstTheMatrix(role -> KeycloakTokens.as(role), endpoint -> true, Role.values()), "calls answered against the matrix");
    }

    /**
     * Every endpoint of {@link KeycloakEndpoints} that {@code include} accepts, called as each of {@code roles} (a fresh
     * request of that role's caller each time); returns the calls answered against the matrix. Also used for browser sessions.
     */
    static List<String> endpointsAgainstTheMatrix(Function<Role, RequestSpecification> as, Predicate<KeycloakEndpoints.Endpoint> include,
            Role... roles) {
        List<String> wrong = new ArrayList<>();
        for (Role role : roles) {
            for (KeycloakEndpoints.Endpoint endpoint : KeycloakEndpoints.all().stream().filter(include).toList()) {
                Response response = endpoint.send(as.apply(role), UUID.randomUUID().toString());
                boolean refused = role == Role.INTEGRATION && refusedToIntegration().contains(endpoint.method() + " " + template(endpoint.path()));
                check(wrong, role.key(), endpoint.toString(), endpoint.capability().allows(role, endpoint.access()) && !refused, response);
            }
        }
        return wrong;
    }

    /** Deletions and {@code @ChangesSettings} endpoints, which the integration role may not call (SettingsAndDeletions). */
    private static Set<String> refusedToIntegration() {
        try {
            return KeycloakRealmCoversEndpointsTest.codeEndpoints().stream().filter(e -> e.method().equals("DELETE") || e.changesSettings())
                    .map(e -> e.method() + " " + template(e.path())).collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String template(String path) {
        return path.replaceAll("\\{[^}/]+\\}", "{}");
    }

    /** The local-account suite's representative calls (real bodies, real successes), with Keycloak tokens. */
    @Test
    void everyRolePassesTheMatrixProbesOfTheLocalSuite() {
        assertEquals(List.of(), probesAgainstTheMatrix(role -> KeycloakTokens.as(role), Role.values()), "calls answered against the matrix");
    }

    /** The local suite's {@link MatrixProbes} as each of {@code roles}; returns the calls answered against the matrix. */
    static List<String> probesAgainstTheMatrix(Function<Role, RequestSpecification> as, Role... roles) {
        List<String> wrong = new ArrayList<>();
        for (Role role : roles) {
            for (MatrixProbes.Probe probe : MatrixProbes.all()) {
                Response response = probe.run(as.apply(role), KeycloakTokens.as(Role.ADMIN));
                check(wrong, role.key(), probe.toString(), probe.capability().allows(role, probe.access()), response);
            }
        }
        return wrong;
    }

    @Test
    void everyRoleAndCapabilityAndAccessIsProbed() {
        Set<String> probed = new java.util.HashSet<>();
        for (KeycloakEndpoints.Endpoint endpoint : KeycloakEndpoints.all()) {
            probed.add(endpoint.capability().key() + ":" + endpoint.access().key());
        }
        List<String> missing = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            for (Access access : EnumSet.allOf(Access.class)) {
                boolean heldByAnyRole = EnumSet.allOf(Role.class).stream().anyMatch(role -> capability.allows(role, access));
                if (heldByAnyRole && !probed.contains(capability.key() + ":" + access.key())) {
                    missing.add(capability.key() + ":" + access.key());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theServiceAccountActsWithTheIntegrationRole() {
        List<String> wrong = new ArrayList<>();
        for (KeycloakEndpoints.Endpoint endpoint : KeycloakEndpoints.all()) {
            Response response = endpoint.send(io.restassured.RestAssured.given().auth().oauth2(KeycloakTokens.serviceAccount()),
                    UUID.randomUUID().toString());
            boolean refused = refusedToIntegration().contains(endpoint.method() + " " + template(endpoint.path()));
            check(wrong, "service-account-kreis-api", endpoint.toString(),
                    endpoint.capability().allows(Role.INTEGRATION, endpoint.access()) && !refused, response);
        }
        assertEquals(List.of(), wrong, "calls answered against the matrix");
    }

    static void check(List<String> wrong, String who, String what, boolean expected, Response response) {
        int status = response.statusCode();
        boolean allowed = status != 401 && status != 403;
        if (allowed != expected || (!expected && status != 403) || status >= 500) {
            wrong.add(who + " → " + what + ": " + status + (expected ? " (should be allowed)" : " (should be 403)"));
        }
        if (status == 403) {
            assertTrue(response.contentType().startsWith("application/problem+json"), who + " → " + what + ": " + response.contentType());
        }
    }
}
