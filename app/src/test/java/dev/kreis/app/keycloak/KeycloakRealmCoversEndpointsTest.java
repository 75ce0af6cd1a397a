package dev.kreis.app.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.PathMatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every REST endpoint under {@code /api} in the code against the shipped realm: its path must resolve
 * (as Keycloak resolves it for the policy enforcer) to the resource of the capability its
 * {@code @PermissionsAllowed} names, and the HTTP method must be a scope of the access it needs
 * ({@code GET} reads, the others write). An endpoint added without its URI in the realm fails here, in
 * the normal {@code mvn -B test}, instead of answering 403 to everyone in keycloak mode.
 */
class KeycloakRealmCoversEndpointsTest {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName PERMISSIONS_ALLOWED = DotName.createSimple("io.quarkus.security.PermissionsAllowed");
    private static final DotName CHANGES_SETTINGS = DotName.createSimple("dev.kreis.spi.api.ChangesSettings");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** Endpoints under /api without a capability: any caller; the enforcer does not check them. */
    private static final Set<String> NOT_ENFORCED = Set.of("GET /api/v1/me", "DELETE /api/v1/session", "POST /api/v1/connections/{id}/webhook");

    /** {@code changesSettings}: marked {@code @ChangesSettings}, so (like every DELETE) refused to callers holding it only through integration. */
    record CodeEndpoint(String method, String path, String permission, boolean changesSettings) {
    }

    @Test
    void everyEndpointOfTheCodeResolvesToTheResourceOfItsCapability() throws IOException {
        Map<String, String> uris = realmUris();
        List<CodeEndpoint> endpoints = codeEndpoints();
        assertTrue(endpoints.size() >= 25, "the platform's endpoints were found: " + endpoints.size());
        List<String> wrong = new ArrayList<>();
        for (CodeEndpoint endpoint : endpoints) {
            String name = endpoint.method() + " " + endpoint.path();
            String resource = resolve(uris, endpoint.path().replaceAll("\\{[^}/]+\\}", "3f1c2a9e-0000-4000-8000-000000000001"));
            if (endpoint.permission() == null) {
                if (!NOT_ENFORCED.contains(name)) {
                    wrong.add(name + " declares no capability");
                } else if (resource != null) {
                    wrong.add(name + " is covered by resource " + resource + " but is not enforced");
                }
                continue;
            }
            String[] parts = endpoint.permission().split(":");
            String access = "GET".equals(endpoint.method()) ? "read" : "write";
            if (!parts[0].equals(resource)) {
                wrong.add(name + " needs " + endpoint.permission() + " but resolves to resource " + resource);
            } else if (!parts[1].equals(access)) {
                wrong.add(name + " needs " + endpoint.permission() + " but the realm grants method " + endpoint.method()
                        + " with " + parts[0] + ":" + access);
            }
        }
        assertEquals(List.of(), wrong, "add the endpoint's URI to its capability's resource in app/src/main/keycloak/kreis-realm.json");
    }

    static String resolve(Map<String, String> uris, String path) {
        if (uris.containsKey(path)) {
            return uris.get(path);
        }
        PathMatcher<Map.Entry<String, String>> matcher = new PathMatcher<>() {
            @Override
            protected String getPath(Map.Entry<String, String> entry) {
                return entry.getKey();
            }

            @Override
            protected Collection<Map.Entry<String, String>> getPaths() {
                return uris.entrySet();
            }
        };
        return Optional.ofNullable(matcher.matches(path)).map(Map.Entry::getValue).orElse(null);
    }

    static Map<String, String> realmUris() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(KeycloakRealmMatchesMatrixTest.REALM_FILE.toFile());
        Map<String, String> uris = new HashMap<>();
        for (JsonNode client : realm.path("clients")) {
            for (JsonNode resource : client.path("authorizationSettings").path("resources")) {
                for (JsonNode uri : resource.path("uris")) {
                    uris.put(uri.asText(), resource.path("name").asText());
                }
            }
        }
        return uris;
    }

    /** The JAX-RS resource methods under /api of every Jandex index on the class path (the platform's). */
    static List<CodeEndpoint> codeEndpoints() throws IOException {
        List<CodeEndpoint> endpoints = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Enumeration<URL> indexes = KeycloakRealmCoversEndpointsTest.class.getClassLoader().getResources("META-INF/jandex.idx");
        while (indexes.hasMoreElements()) {
            IndexView index;
            try (InputStream in = indexes.nextElement().openStream()) {
                index = new IndexReader(in).read();
            }
            for (AnnotationInstance path : index.getAnnotations(PATH)) {
                if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                    continue;
                }
                ClassInfo type = path.target().asClass();
                AnnotationInstance classPermission = type.declaredAnnotation(PERMISSIONS_ALLOWED);
                for (MethodInfo method : type.methods()) {
                    for (String http : METHODS) {
                        if (method.declaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http)) == null) {
                            continue;
                        }
                        AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                        String full = join(path.value().asString(), methodPath == null ? "" : methodPath.value().asString());
                        if (!full.startsWith("/api/") || !seen.add(http + " " + full)) {
                            continue;
                        }
                        AnnotationInstance permission = Optional.ofNullable(method.declaredAnnotation(PERMISSIONS_ALLOWED)).orElse(classPermission);
                        String[] values = permission == null ? new String[0] : permission.value().asStringArray();
                        boolean settings = method.declaredAnnotation(CHANGES_SETTINGS) != null || type.declaredAnnotation(CHANGES_SETTINGS) != null;
                        endpoints.add(new CodeEndpoint(http, full, values.length == 0 ? null : String.join(",", values), settings));
                    }
                }
            }
        }
        return endpoints;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
