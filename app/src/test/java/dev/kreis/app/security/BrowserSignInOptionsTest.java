package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * In local mode: the sign-in page learns that local accounts are the way in, the Keycloak sign-in paths do
 * not exist, and the CSRF guard treats an OIDC web-app session cookie like the form sign-in's.
 */
@QuarkusTest
class BrowserSignInOptionsTest {

    @Test
    void theSignInOptionsSayLocalToAnyoneWithoutCredentials() {
        given().auth().none().when().get("/auth/options").then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store").body("mode", equalTo("local")).body("signIn", nullValue());
    }

    @Test
    void theKeycloakSignInDoesNotExistInLocalMode() {
        given().auth().none().redirects().follow(false).when().get("/auth/keycloak/sign-in?next=/").then().statusCode(404);
    }

    @Test
    void aWriteCarryingAKeycloakSessionCookieWithoutTheCsrfHeaderIsRefused() {
        given().auth().none().cookie("q_session_web", "anything").contentType(ContentType.JSON).body(Map.of("kind", "person"))
                .when().post("/api/v1/customers")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("https://kreis.dev/problems/csrf"));
        given().auth().none().cookie("q_session_web_chunk_1", "anything").when().delete("/api/v1/session")
                .then().statusCode(403).body("type", equalTo("https://kreis.dev/problems/csrf"));
    }
}
