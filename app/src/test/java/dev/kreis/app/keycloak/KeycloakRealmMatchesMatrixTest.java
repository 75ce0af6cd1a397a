package dev.kreis.app.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.PathMatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.security.Access;
import dev.kreis.platform.security.Capability;
import dev.kreis.platform.security.Role;

/**
 * The shipped realm (app/src/main/keycloak/kreis-realm.json) against the {@link Capability} matrix, so
 * the two cannot drift apart: roles, one resource per capability, one role policy per role, and one scope
 * permission per capability and access granting exactly the matrix's roles. Plain JUnit, no Keycloak.
 */
@io.quarkus.test.junit.QuarkusTest
public class KeycloakRealmMatchesMatrixTest {

    static final Path REALM_FILE = Path.of("src/main/keycloak/kreis-realm.json");
    static final List<String> READ_SCOPES = List.of("GET");
    static final List<String> WRITE_SCOPES = List.of("POST", "PUT", "PATCH", "DELETE");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode realm;
    private static JsonNode client;
    private static JsonNode authorization;

    @BeforeAll
    static void read() throws IOException {
        realm = JSON.readTree(REALM_FILE.toFile());
        List<JsonNode> clients = stream(realm.path("clients")).filter(c -> "kreis-api".equals(c.path("clientId").asText())).toList();
        assertEquals(1, clients.size(), "one client kreis-api");
        client = clients.get(0);
        authorization = client.path("authorizationSettings");
    }

    @Test
    void theRealmIsKreisWithBruteForceDetection() {
        assertEquals("kreis", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        assertTrue(realm.path("bruteForceProtected").asBoolean());
    }

    @Test
    void theRealmRolesAreTheRolesOfKreis() {
        Set<String> roles = stream(realm.path("roles").path("realm")).map(r -> r.path("name").asText()).collect(Collectors.toSet());
        assertEquals(roleKeys(), roles);
    }

    @Test
    void theClientIsAConfidentialResourceServerWithPasswordGrantsAndAServiceAccount() {
        assertFalse(client.path("publicClient").asBoolean(true));
        assertFalse(client.path("bearerOnly").asBoolean(true));
        assertTrue(client.path("authorizationServicesEnabled").asBoolean());
        assertTrue(client.path("directAccessGrantsEnabled").asBoolean());
        assertTrue(client.path("serviceAccountsEnabled").asBoolean());
        assertEquals("ENFORCING", authorization.path("policyEnforcementMode").asText());
        assertEquals("AFFIRMATIVE", authorization.path("decisionStrategy").asText());
        // The policy enforcer looks resources up by path through the protection API.
        assertTrue(authorization.path("allowRemoteResourceManagement").asBoolean());
    }

    @Test
    void theServiceAccountHasTheIntegrationRole() {
        List<JsonNode> accounts = stream(realm.path("users"))
                .filter(u -> "kreis-api".equals(u.path("serviceAccountClientId").asText())).toList();
        assertEquals(1, accounts.size());
        assertEquals(Set.of(Role.INTEGRATION.key()), texts(accounts.get(0).path("realmRoles")));
    }

    @Test
    void thereIsOneTestUserPerRoleHoldingOnlyThatRole() {
        Map<String, Set<String>> users = new TreeMap<>();
        stream(realm.path("users")).filter(u -> u.path("serviceAccountClientId").isMissingNode())
                .forEach(u -> {
                    users.put(u.path("username").asText(), texts(u.path("realmRoles")));
                    JsonNode credential = u.path("credentials").path(0);
                    assertEquals("password", credential.path("type").asText(), u.path("username").asText());
                    assertEquals(u.path("username").asText() + "-pass-1", credential.path("value").asText());
                    assertFalse(credential.path("temporary").asBoolean());
                });
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Role role : Role.values()) {
            expected.put(role.key(), Set.of(role.key()));
        }
        assertEquals(expected, users);
    }

    @Test
    void thereIsOneResourcePerCapabilityWithTheHttpMethodsAsScopes() {
        Map<String, Set<String>> resources = new TreeMap<>();
        stream(authorization.path("resources")).forEach(r -> resources.put(r.path("name").asText(),
                stream(r.path("scopes")).map(s -> s.path("name").asText()).collect(Collectors.toSet())));
        Map<String, Set<String>> expected = new TreeMap<>();
        Set<String> methods = new TreeSet<>(READ_SCOPES);
        methods.addAll(WRITE_SCOPES);
        for (Capability capability : Capability.values()) {
            expected.put(capability.key(), methods);
        }
        bundledModulePermissions().keySet().forEach(permission -> expected.put(permission.substring(0, permission.indexOf(':')), methods));
        assertEquals(expected, resources);
    }

    @Test
    void everyResourceUriIsAValidTemplateAndBelongsToOneResourceOnly() {
        Map<String, String> owner = new HashMap<>();
        for (JsonNode resource : authorization.path("resources")) {
            assertFalse(resource.path("uris").isEmpty(), resource.path("name").asText() + " has URIs");
            for (JsonNode uri : resource.path("uris")) {
                // Literal segments (a file name such as customers.csv included) and {parameters} only: no wildcards, so a
                // template matches exactly its number of segments.
                assertTrue(uri.asText().matches("(/([a-z0-9-]+(\\.[a-z0-9]+)?|\\{[a-zA-Z]+\\}(\\.[a-z0-9]+)?))+"), uri.asText());
                String previous = owner.put(uri.asText(), resource.path("name").asText());
                assertNull(previous, uri.asText() + " belongs to " + previous + " and " + resource.path("name").asText());
            }
        }
    }

    /**
     * Resolves every endpoint of {@link KeycloakEndpoints} the way Keycloak's server does for the policy
     * enforcer (an exact URI first, else its {@link PathMatcher} over all resource URIs; here the client
     * library's copy of that class) and checks it lands on the endpoint's capability. The Keycloak suite
     * proves the same against a running Keycloak.
     */
    @Test
    void everyEndpointResolvesToTheResourceOfItsCapability() {
        Map<String, String> uris = new HashMap<>();
        for (JsonNode resource : authorization.path("resources")) {
            for (JsonNode uri : resource.path("uris")) {
                uris.put(uri.asText(), resource.path("name").asText());
            }
        }
        PathMatcher<Map.Entry<String, String>> matcher = new PathMatcher<>() {
            @Override
            protected String getPath(Map.Entry<String, String> entry) {
                return entry.getKey();
            }

            @Override
            protected java.util.Collection<Map.Entry<String, String>> getPaths() {
                return uris.entrySet();
            }
        };
        List<String> wrong = new ArrayList<>();
        for (KeycloakEndpoints.Endpoint endpoint : KeycloakEndpoints.all()) {
            String path = endpoint.concretePath("3f1c2a9e-0000-4000-8000-000000000001");
            String resource = uris.containsKey(path) ? uris.get(path)
                    : java.util.Optional.ofNullable(matcher.matches(path)).map(Map.Entry::getValue).orElse(null);
            if (!endpoint.capability().key().equals(resource)) {
                wrong.add(endpoint + " resolves to " + resource);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void eachRoleHasOneRolePolicy() {
        Map<String, Set<String>> rolePolicies = new TreeMap<>();
        for (JsonNode policy : authorization.path("policies")) {
            if (!"role".equals(policy.path("type").asText())) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            for (JsonNode role : parse(policy.path("config").path("roles").asText())) {
                roles.add(role.path("id").asText());
            }
            assertEquals("POSITIVE", policy.path("logic").asText());
            rolePolicies.put(policy.path("name").asText(), roles);
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Role role : Role.values()) {
            expected.put(rolePolicy(role), Set.of(role.key()));
        }
        assertEquals(expected, rolePolicies);
    }

    @Test
    void theScopePermissionsGrantExactlyTheMatrix() {
        Map<String, String> permissions = new TreeMap<>();
        for (JsonNode policy : authorization.path("policies")) {
            String type = policy.path("type").asText();
            if ("role".equals(type)) {
                continue;
            }
            assertEquals("scope", type, policy.path("name").asText() + " is a scope permission");
            assertEquals("AFFIRMATIVE", policy.path("decisionStrategy").asText(), "any one role grants: " + policy.path("name").asText());
            assertEquals("POSITIVE", policy.path("logic").asText());
            JsonNode config = policy.path("config");
            permissions.put(policy.path("name").asText(), describe(list(config.path("resources").asText()),
                    list(config.path("scopes").asText()), new TreeSet<>(list(config.path("applyPolicies").asText()))));
        }
        Map<String, String> expected = new TreeMap<>();
        for (Capability capability : Capability.values()) {
            for (Access access : Access.values()) {
                Set<Role> roles = capability.roles(access);
                if (roles.isEmpty()) {
                    continue; // no permission: the resource server's ENFORCING mode denies
                }
                expected.put(capability.key() + ":" + access.key(), describe(List.of(capability.key()),
                        access == Access.READ ? READ_SCOPES : WRITE_SCOPES,
                        roles.stream().map(KeycloakRealmMatchesMatrixTest::rolePolicy).collect(Collectors.toCollection(TreeSet::new))));
            }
        }
        bundledModulePermissions().forEach((permission, roles) -> {
            String module = permission.substring(0, permission.indexOf(':'));
            expected.put(permission, describe(List.of(module), permission.endsWith(":read") ? READ_SCOPES : WRITE_SCOPES,
                    roles.stream().map(role -> "role:" + role).collect(Collectors.toCollection(TreeSet::new))));
        });
        assertEquals(List.of(), differences(expected, permissions), "permissions of the realm (-) against the matrix (+)");
    }

    /**
     * The permissions the bundled modules declare (each module's descriptor, as {@code GET /api/v1/modules}
     * shows it), with the roles holding each; the test module of the module-platform tests is not shipped.
     */
    public static Map<String, Set<String>> bundledModulePermissions() {
        return bundledModulePermissions(io.restassured.RestAssured.given());
    }

    /** As {@link #bundledModulePermissions()}, asking as the admin {@code admin} is. */
    public static Map<String, Set<String>> bundledModulePermissions(io.restassured.specification.RequestSpecification admin) {
        Map<String, Set<String>> permissions = new TreeMap<>();
        io.restassured.path.json.JsonPath modules = admin.get("/api/v1/modules").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = modules.getList("items");
        for (Map<String, Object> module : items) {
            if (!"bundled".equals(module.get("origin")) || "notebook".equals(module.get("id"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> declared = (List<Map<String, Object>>) module.get("permissions");
            for (Map<String, Object> permission : declared) {
                @SuppressWarnings("unchecked")
                List<String> roles = (List<String>) permission.get("roles");
                permissions.put((String) permission.get("name"), new TreeSet<>(roles));
            }
        }
        return permissions;
    }

    /** The entries in which two maps differ, one line each: {@code - key: realm} and {@code + key: matrix}. */
    private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                lines.add("- " + key + ": " + actual.get(key));
                lines.add("+ " + key + ": " + expected.get(key));
            }
        }
        return lines;
    }

    static String rolePolicy(Role role) {
        return "role:" + role.key();
    }

    private static String describe(List<String> resources, List<String> scopes, Set<String> policies) {
        return "resources=" + resources + " scopes=" + new TreeSet<>(scopes) + " policies=" + policies;
    }

    private static Set<String> roleKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            keys.add(role.key());
        }
        return keys;
    }

    private static List<String> list(String json) {
        return stream(parse(json)).map(JsonNode::asText).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static Set<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).collect(Collectors.toSet());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
