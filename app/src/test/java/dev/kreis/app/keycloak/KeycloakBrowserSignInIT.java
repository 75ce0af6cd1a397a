package dev.kreis.app.keycloak;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.security.MatrixProbes;
import dev.kreis.platform.security.CsrfGuard;
import dev.kreis.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The web UI's "Sign in with Keycloak": a browser (an HTTP client that keeps cookies and follows each
 * redirect by hand) goes from Kreis' sign-in path through Keycloak's login page — the authorization-code flow
 * with PKCE — back to Kreis with a session cookie, reads {@code /api/v1/me}, is refused a cross-site write,
 * and signs out through Keycloak (RP-initiated logout), after which neither Kreis nor Keycloak knows it.
 */
@QuarkusTest
@TestProfile(KeycloakTestProfile.class)
class KeycloakBrowserSignInIT {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private static int allowedPort = -1;

    /**
     * The shipped client kreis-web knows port 8080 only; the test's Kreis runs elsewhere, so its addresses are
     * set (once the port is known: RestAssured has it before each test).
     */
    @BeforeEach
    void allowTheTestPortAsRedirectTarget() {
        if (allowedPort == RestAssured.port) {
            return;
        }
        String admin = given().auth().none().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", System.getProperty("kreis.test.keycloak.admin-password", "admin")))
                .when().post(KeycloakTestProfile.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String clients = KeycloakTestProfile.keycloakUrl() + "/admin/realms/kreis/clients";
        JsonPath found = given().auth().oauth2(admin).queryParam("clientId", "kreis-web").when().get(clients)
                .then().statusCode(200).extract().jsonPath();
        String id = found.getString("[0].id");
        Map<String, Object> client = found.getMap("[0]");
        String base = "http://127.0.0.1:" + RestAssured.port;
        client.put("redirectUris", List.of(base + "/auth/keycloak/*"));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        attributes.put("post.logout.redirect.uris", base + "/login");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(client).when().put(clients + "/" + id)
                .then().statusCode(204);
        allowedPort = RestAssured.port;
    }

    private HttpClient browser = newBrowser();

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieJar()).build();
    }

    /**
     * A browser's cookie store, simplified: cookies by name, sent by path prefix. Unlike Java's CookieManager it
     * sends {@code Secure} cookies over http too, as browsers do for 127.0.0.1 (Keycloak marks its cookies
     * {@code Secure} there). Kreis and Keycloak run on the same host, and cookies do not tell ports apart.
     */
    static final class CookieJar extends CookieHandler {
        private final Map<String, HttpCookie> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String header = cookies.values().stream()
                    .filter(cookie -> path.startsWith(cookie.getPath() == null ? "/" : cookie.getPath()))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.getMaxAge() == 0 || cookie.hasExpired() || cookie.getValue().isEmpty()) {
                                cookies.remove(cookie.getName());
                            } else {
                                cookies.put(cookie.getName(), cookie);
                            }
                        }
                    }
                }
            });
        }

        boolean has(String prefix) {
            return cookies.keySet().stream().anyMatch(name -> name.startsWith(prefix));
        }

        /** The {@code Cookie} header of the cookies whose names start with {@code prefix}. */
        String header(String prefix) {
            return cookies.values().stream().filter(cookie -> cookie.getName().startsWith(prefix))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        }
    }

    private static String kreis(String path) {
        return "http://127.0.0.1:" + RestAssured.port + path;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        // As a browser asks for a page (the web UI's deep links must not swallow the sign-in paths).
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String url, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), () -> response.uri() + " answered " + response.statusCode() + ": " + response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        return URI.create(response.uri().toString()).resolve(location).toString();
    }

    /** Starts the sign-in at Kreis and answers Keycloak's login page; returns where Keycloak sends the browser back to. */
    private String signInAtKeycloak(String next, Role role) throws IOException, InterruptedException {
        String authorize = location(get(kreis("/auth/keycloak/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))));
        assertTrue(authorize.startsWith(KeycloakTestProfile.realmUrl() + "/protocol/openid-connect/auth?"), authorize);
        assertTrue(authorize.contains("client_id=kreis-web"), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("code_challenge="), "PKCE: " + authorize);
        HttpResponse<String> loginPage = get(authorize);
        assertEquals(200, loginPage.statusCode(), "Keycloak's login page");
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertTrue(form.find(), "Keycloak's login form");
        String action = form.group(1).replace("&amp;", "&");
        return location(postForm(action, Map.of("username", role.key(), "password", KeycloakTokens.password(role), "credentialId", ""), Map.of()));
    }

    @Test
    void theSignInPageLearnsThatKeycloakIsTheWayIn() {
        given().auth().none().when().get("/auth/options").then().statusCode(200)
                .body("mode", org.hamcrest.Matchers.equalTo("keycloak"))
                .body("signIn", org.hamcrest.Matchers.equalTo("/auth/keycloak/sign-in"))
                .body("signOut", org.hamcrest.Matchers.equalTo("/auth/keycloak/sign-out"));
    }

    @Test
    void aBrowserSignsInThroughKeycloakReachesTheApiAndSignsOutThroughKeycloak() throws Exception {
        String callback = signInAtKeycloak("/customers?q=erika", Role.VIEWER);
        assertTrue(callback.startsWith(kreis("/auth/keycloak/sign-in?")) && callback.contains("code="), callback);

        // Kreis exchanges the code (with the PKCE verifier), sets its session cookie and returns to the sign-in path …
        String restored = location(get(callback));
        assertEquals(kreis("/auth/keycloak/sign-in?next=%2Fcustomers%3Fq%3Derika"), restored);
        // … which sends the browser on to the page it came from.
        assertEquals(kreis("/customers?q=erika"), location(get(restored)));

        HttpResponse<String> me = get(kreis("/api/v1/me"));
        assertEquals(200, me.statusCode(), me.body());
        JsonPath who = JsonPath.from(me.body());
        assertEquals("viewer", who.getString("name"));
        assertEquals(List.of("viewer"), who.getList("roles"));
        assertTrue(who.getList("permissions").contains("customer-record:read"), me.body());

        // The session cookie alone does not let a cross-site form change anything: the CSRF header is required.
        HttpResponse<String> forged = postForm(kreis("/api/v1/customers"), Map.of("kind", "person"), Map.of());
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("https://kreis.dev/problems/csrf", JsonPath.from(forged.body()).getString("type"));

        // Sign-out: Kreis drops its session and sends the browser to Keycloak's end-session endpoint, which returns it to /login.
        String endSession = location(get(kreis("/auth/keycloak/sign-out")));
        assertTrue(endSession.startsWith(KeycloakTestProfile.realmUrl() + "/protocol/openid-connect/logout?"), endSession);
        assertTrue(endSession.contains("id_token_hint="), endSession);
        String afterLogout = location(get(endSession));
        assertTrue(afterLogout.equals(kreis("/login")) || afterLogout.startsWith(kreis("/login?state=")), afterLogout);
        assertTrue(!((CookieJar) browser.cookieHandler().orElseThrow()).has(BrowserTenantResolver.SESSION_COOKIE), "the session cookie is gone");
        assertEquals(401, get(kreis("/api/v1/me")).statusCode());

        // Keycloak's own session has ended too: signing in again shows its login page instead of returning at once.
        String authorize = location(get(kreis("/auth/keycloak/sign-in")));
        HttpResponse<String> loginAgain = get(authorize);
        assertEquals(200, loginAgain.statusCode());
        assertTrue(LOGIN_FORM.matcher(loginAgain.body()).find(), "the login form again");
    }

    @Test
    void theRolesOfTheKeycloakUserDecideWhatTheBrowserSessionMayDo() throws Exception {
        String restored = location(get(signInAtKeycloak("/", Role.ADMIN)));
        assertEquals(kreis("/"), location(get(restored)));
        HttpResponse<String> me = get(kreis("/api/v1/me"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("admin", JsonPath.from(me.body()).getString("name"));
        assertEquals(200, get(kreis("/api/v1/users")).statusCode());
    }

    /**
     * Signs {@code role}'s test user in with a fresh browser through Keycloak's login form and returns the
     * {@code Cookie} header of the session Kreis set ({@code q_session_web}).
     */
    private String sessionCookieOf(Role role) {
        try {
            browser = newBrowser();
            String restored = location(get(signInAtKeycloak("/", role)));
            assertEquals(kreis("/"), location(get(restored)));
            String cookie = ((CookieJar) browser.cookieHandler().orElseThrow()).header(BrowserTenantResolver.SESSION_COOKIE);
            assertTrue(!cookie.isEmpty(), "the session cookie of " + role.key());
            return cookie;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request from the browser session: the session cookie and, as the web UI's requests carry it, the CSRF header. */
    private static RequestSpecification fromSession(String cookie) {
        return given().auth().none().header("Cookie", cookie).header(CsrfGuard.HEADER, "1");
    }

    /** One browser session per role, signed in on first use; each call gets a fresh request of it. */
    private Function<Role, RequestSpecification> browserSessions() {
        Map<Role, String> cookies = new EnumMap<>(Role.class);
        return role -> fromSession(cookies.computeIfAbsent(role, this::sessionCookieOf));
    }

    @Test
    void aBrowserSessionWithANarrowRoleIsRefusedAnAdminEndpointAndAllowedItsOwn() {
        String viewer = sessionCookieOf(Role.VIEWER);
        fromSession(viewer).when().get("/api/v1/users").then().statusCode(403)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(403));
        fromSession(viewer).queryParam("q", "erika").when().get("/api/v1/customers").then().statusCode(200);
        // A write the viewer may not make is refused by the endpoint's check, even with the CSRF header …
        fromSession(viewer).contentType(ContentType.JSON).body(MatrixProbes.profile()).when().post("/api/v1/profiles").then().statusCode(403).contentType("application/problem+json");
        // … while a role that may write gets through with its session: the same request makes the profile.
        fromSession(sessionCookieOf(Role.MARKETING)).contentType(ContentType.JSON).body(MatrixProbes.profile()).when().post("/api/v1/profiles").then().statusCode(201);
    }

    /**
     * Browser sessions are not sent through Keycloak's policy enforcer (it decides bearer tokens only); the
     * endpoints' own permission checks hold them to the same role × capability matrix. This walks every endpoint the
     * realm covers, the local suite's probes and every bundled module's endpoints with a browser session of each
     * role, expecting exactly what {@link KeycloakPermissionMatrixIT} and {@link KeycloakModuleEndpointsIT} expect
     * of the role's token.
     */
    @Test
    void aBrowserSessionOfEveryRoleIsHeldToTheSameMatrixAsItsToken() throws IOException {
        Function<Role, RequestSpecification> sessions = browserSessions();
        // The realm also covers endpoints the code does not serve (yet): the enforcer refuses a token there with 403,
        // a session reaches no endpoint (404 or 405). Every endpoint the code serves is held to the matrix exactly;
        // the others must at least never answer a role the matrix denies with a success.
        Set<String> served = KeycloakRealmCoversEndpointsTest.codeEndpoints().stream()
                .map(e -> e.method() + " " + KeycloakPermissionMatrixIT.template(e.path())).collect(Collectors.toSet());
        Predicate<KeycloakEndpoints.Endpoint> isServed = e -> served.contains(e.method() + " " + KeycloakPermissionMatrixIT.template(e.path()));
        assertTrue(served.contains("GET /api/v1/users") && served.contains("GET /api/v1/customers"), "the code's endpoints: " + served);
        List<String> wrong = new java.util.ArrayList<>();
        wrong.addAll(KeycloakPermissionMatrixIT.endpointsAgainstTheMatrix(sessions, isServed, Role.values()));
        for (Role role : Role.values()) {
            for (KeycloakEndpoints.Endpoint unserved : KeycloakEndpoints.all().stream().filter(isServed.negate()).toList()) {
                int status = unserved.send(sessions.apply(role), java.util.UUID.randomUUID().toString()).statusCode();
                if (status >= 200 && status < 300 && !unserved.capability().allows(role, unserved.access())) {
                    wrong.add(role.key() + " → " + unserved + " (no endpoint): " + status);
                }
            }
        }
        wrong.addAll(KeycloakPermissionMatrixIT.probesAgainstTheMatrix(sessions, Role.values()));
        wrong.addAll(KeycloakModuleEndpointsIT.moduleEndpointsAgainstTheirDescriptors(sessions, Role.values()));
        assertEquals(List.of(), wrong, "browser-session calls answered against the matrix");
    }

    @Test
    void withoutASessionTheApiStillAnswers401AndNeverRedirectsToKeycloak() throws Exception {
        HttpResponse<String> me = get(kreis("/api/v1/me"));
        assertEquals(401, me.statusCode());
        assertTrue(me.headers().firstValue("Location").isEmpty());
        assertNotNull(JsonPath.from(me.body()).getString("type"));
    }
}
