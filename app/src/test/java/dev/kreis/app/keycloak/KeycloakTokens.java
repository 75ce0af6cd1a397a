package dev.kreis.app.keycloak;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.kreis.platform.security.Role;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Access tokens from the test realm: the test user of each role (password grant) and the service account. */
final class KeycloakTokens {

    private record Cached(String token, long renewAtMillis) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** The password of a test user: {@code <role>-pass-1}. */
    static String password(Role role) {
        return role.key() + "-pass-1";
    }

    static String of(Role role) {
        return cached("user:" + role.key(), () -> tokenResponse(Map.of("grant_type", "password", "client_id", "kreis-api",
                "client_secret", KeycloakTestProfile.CLIENT_SECRET, "username", role.key(), "password", password(role))));
    }

    /** The service account of client kreis-api (client credentials grant). */
    static String serviceAccount() {
        return cached("service-account", () -> tokenResponse(Map.of("grant_type", "client_credentials",
                "client_id", "kreis-api", "client_secret", KeycloakTestProfile.CLIENT_SECRET)));
    }

    /** A request that carries the role's bearer token and nothing else. */
    static RequestSpecification as(Role role) {
        return given().auth().oauth2(of(role));
    }

    static JsonPath tokenResponse(Map<String, String> form) {
        return given().auth().none().formParams(form)
                .when().post(KeycloakTestProfile.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String cached(String key, java.util.function.Supplier<JsonPath> fetch) {
        Cached cached = CACHE.get(key);
        if (cached == null || System.currentTimeMillis() > cached.renewAtMillis()) {
            long now = System.currentTimeMillis();
            JsonPath response = fetch.get();
            // Renew well before expiry, so no call of the suite carries a token about to expire.
            long lifespanMillis = response.getLong("expires_in") * 1000L;
            cached = new Cached(response.getString("access_token"), now + lifespanMillis / 2);
            CACHE.put(key, cached);
        }
        return cached.token();
    }
}
