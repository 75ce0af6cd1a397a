package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The web UI's browser session: form sign-in with 200/401 and no redirects, an HttpOnly SameSite=Strict
 * session cookie, the lockout of HTTP Basic, sign-out, the absolute limit's signed start cookie, and the
 * CSRF header every cookie-authenticated write needs.
 */
@QuarkusTest
class BrowserSessionApiTest {
    private static final String PASSWORD = "browser-session-password";
    private static final String CSRF = "X-Kreis-CSRF";

    private static String createUser(String username, String role) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of(role)))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static Response signIn(String username, String password) {
        return given().auth().none().redirects().follow(false).header(CSRF, "1").contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }

    private static Cookies sessionOf(String username) {
        Response response = signIn(username, PASSWORD);
        response.then().statusCode(200);
        return response.detailedCookies();
    }

    private static RequestSpecification with(Cookies cookies) {
        return given().auth().none().redirects().follow(false).cookies(cookies);
    }

    @Test
    void signingInAnswers200WithAnHttpOnlyStrictSessionCookieAndNoRedirect() {
        String username = "session-" + Fixtures.unique();
        createUser(username, "viewer");

        Response response = signIn(username, PASSWORD);

        response.then().statusCode(200);
        assertNull(response.header("Location"));
        Cookie session = response.detailedCookie("kreis-session");
        assertNotNull(session);
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertTrue(response.detailedCookie("kreis-session-start").isHttpOnly());
        with(response.detailedCookies()).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo(username)).body("authenticatedBy", equalTo("session")).body("roles", hasItem("viewer"));
    }

    @Test
    void aWrongPasswordAnswers401WithoutRedirectOrCookie() {
        String username = "session-wrong-" + Fixtures.unique();
        createUser(username, "viewer");

        Response response = signIn(username, "not-the-password");

        response.then().statusCode(401);
        assertNull(response.header("Location"));
        assertNull(response.detailedCookie("kreis-session"));
    }

    @Test
    void withoutASessionTheApiAnswers401NotARedirectToALoginPage() {
        given().auth().none().redirects().follow(false).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void failedFormSignInsLockTheAccountLikeHttpBasic() {
        String username = "session-lock-" + Fixtures.unique();
        createUser(username, "viewer");
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong-" + i).then().statusCode(401);
        }

        signIn(username, PASSWORD).then().statusCode(401);
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aForgedCrossSitePostCarryingTheSessionCookieIsRefused() {
        String adminName = "admin-session-" + Fixtures.unique();
        createUser(adminName, "admin");
        Cookies admin = sessionOf(adminName);
        String victim = "forged-" + Fixtures.unique();
        Map<String, Object> body = Map.of("username", victim, "password", PASSWORD, "roles", List.of("admin"));

        with(admin).contentType(ContentType.JSON).body(body).post("/api/v1/users")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("https://kreis.dev/problems/csrf"));
        given().auth().preemptive().basic(victim, PASSWORD).get("/api/v1/me").then().statusCode(401);

        with(admin).header(CSRF, "1").contentType(ContentType.JSON).body(body).post("/api/v1/users").then().statusCode(201);
    }

    @Test
    void aCrossSiteSignInWithoutTheHeaderIsRefused() {
        String username = "session-login-csrf-" + Fixtures.unique();
        createUser(username, "viewer");

        given().auth().none().contentType(ContentType.URLENC).formParam("j_username", username).formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(403);
    }

    @Test
    void machinesWithHttpBasicNeedNoCsrfHeader() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "basic-" + Fixtures.unique(), "password", PASSWORD, "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(201);
    }

    @Test
    void aRequestAuthenticatedByItsAuthorizationHeaderNeedsNoCsrfHeaderEvenWithASessionCookie() {
        String username = "session-basic-" + Fixtures.unique();
        createUser(username, "viewer");
        Cookies session = sessionOf(username);

        given().cookies(session).contentType(ContentType.JSON)
                .body(Map.of("username", "basic-too-" + Fixtures.unique(), "password", PASSWORD, "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(201);
    }

    @Test
    void signingOutRemovesTheSessionCookiesAndIsAudited() {
        String username = "session-out-" + Fixtures.unique();
        String id = createUser(username, "viewer");
        Cookies session = sessionOf(username);

        Response response = with(session).header(CSRF, "1").delete("/api/v1/session");

        response.then().statusCode(204);
        assertEquals(0, response.detailedCookie("kreis-session").getMaxAge());
        assertEquals(0, response.detailedCookie("kreis-session-start").getMaxAge());
        given().get("/api/v1/audit?targetType=user&targetId=" + id).then().statusCode(200)
                .body("items.action", hasItem("session.started")).body("items.action", hasItem("session.ended"));
    }

    @Test
    void signingOutWithHttpBasicAnswers204AndHasNoSessionToEnd() {
        given().delete("/api/v1/session").then().statusCode(204);
    }

    @Test
    void signingOutNeedsASignedInCaller() {
        given().auth().none().header(CSRF, "1").delete("/api/v1/session").then().statusCode(401);
    }

    @Test
    void aSessionWithoutItsSignedStartIsRefused() {
        String username = "session-start-" + Fixtures.unique();
        createUser(username, "viewer");
        Cookies session = sessionOf(username);
        Cookie start = session.get("kreis-session-start");
        String[] parts = start.getValue().split("\\.", 2);

        given().auth().none().cookie(session.get("kreis-session")).get("/api/v1/me").then().statusCode(401);
        given().auth().none().cookie(session.get("kreis-session")).cookie("kreis-session-start", (Long.parseLong(parts[0]) + 3600) + "." + parts[1])
                .get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aDisabledAccountsOpenSessionEnds() {
        String username = "session-disabled-" + Fixtures.unique();
        String id = createUser(username, "viewer");
        Cookies session = sessionOf(username);

        given().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/users/" + id).then().statusCode(200);

        with(session).get("/api/v1/me").then().statusCode(401);
    }
}
