package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.storage.Jdbc;
import jakarta.inject.Inject;

import dev.kreis.app.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code /api/v1/tokens}: API tokens for machines, shown once, revocable at once. */
@QuarkusTest
class TokenApiTest {

    private static JsonPath issue(List<String> roles) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "shop sync", "roles", roles))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath();
    }

    /** A fresh admin account and a token it issued with {@code roles}: {account id, user name, token id, secret}. */
    private static String[] adminWithToken(List<String> roles) {
        String username = "token-maker-" + dev.kreis.app.Fixtures.unique();
        String account = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "staff-password-for-tests", "roles", List.of("admin")))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getString("id");
        JsonPath token = given().auth().preemptive().basic(username, "staff-password-for-tests").contentType(ContentType.JSON)
                .body(Map.of("name", "made by " + username, "roles", roles)).post("/api/v1/tokens")
                .then().statusCode(201).extract().jsonPath();
        return new String[] {account, username, token.getString("id"), token.getString("token")};
    }

    private static io.restassured.specification.RequestSpecification bearer(String secret) {
        return given().auth().none().header("Authorization", "Bearer " + secret);
    }

    @Test
    void disablingTheCreatorRevokesItsTokensAndTheAuditSaysWhy() {
        String[] made = adminWithToken(List.of("admin"));
        bearer(made[3]).get("/api/v1/users").then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/users/" + made[0]).then().statusCode(200);

        bearer(made[3]).get("/api/v1/me").then().statusCode(401);
        given().get("/api/v1/tokens/" + made[2]).then().statusCode(200).body("status", equalTo("revoked"));
        given().queryParam("action", "token.revoked").queryParam("targetId", made[2]).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].after.reason", org.hamcrest.Matchers.containsString("disabled"));
    }

    @Test
    void deletingTheCreatorRevokesItsTokensAndTheTokensThoseIssued() {
        String[] made = adminWithToken(List.of("admin"));
        JsonPath minted = bearer(made[3]).contentType(ContentType.JSON).body(Map.of("name", "minted", "roles", List.of("admin")))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath();

        given().delete("/api/v1/users/" + made[0]).then().statusCode(204);

        bearer(made[3]).get("/api/v1/me").then().statusCode(401);
        bearer(minted.getString("token")).get("/api/v1/me").then().statusCode(401);
        bearer(minted.getString("token")).contentType(ContentType.JSON).body(Map.of("name", "more", "roles", List.of("admin")))
                .post("/api/v1/tokens").then().statusCode(401);
    }

    @Test
    void aTokenActsWithAtMostTheCurrentPermissionsOfItsCreator() {
        String[] made = adminWithToken(List.of("admin", "viewer"));
        bearer(made[3]).get("/api/v1/users").then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("viewer"))).patch("/api/v1/users/" + made[0])
                .then().statusCode(200);

        bearer(made[3]).get("/api/v1/users").then().statusCode(403);
        bearer(made[3]).get("/api/v1/me").then().statusCode(200).body("roles", contains("viewer"));
        bearer(made[3]).get("/api/v1/customers").then().statusCode(200);
    }

    @Test
    void anIssuedTokenAuthenticatesWithItsRoles() {
        JsonPath token = issue(List.of("integration"));
        String secret = token.getString("token");

        given().auth().none().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("token:shop sync"))
                .body("authenticatedBy", equalTo("token"))
                .body("roles", contains("integration"));
        given().auth().none().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(MatrixProbes.touchpoint()).post("/api/v1/touchpoints").then().statusCode(201);
        given().auth().none().header("Authorization", "Bearer " + secret).get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHintAfterwards() {
        JsonPath token = issue(List.of("viewer"));
        String secret = token.getString("token");
        org.hamcrest.MatcherAssert.assertThat(secret, startsWith("kreis_"));

        given().get("/api/v1/tokens/" + token.getString("id")).then().statusCode(200)
                .body("$", not(hasKey("token")))
                .body("hint", equalTo(secret.substring(secret.length() - 4)))
                .body("status", equalTo("active"))
                .body("createdBy", equalTo("admin"));
    }

    @Test
    void revocationTakesEffectOnTheNextRequest() {
        JsonPath token = issue(List.of("viewer"));
        String secret = token.getString("token");
        given().auth().none().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);

        given().delete("/api/v1/tokens/" + token.getString("id")).then().statusCode(204);

        given().auth().none().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(401);
        given().get("/api/v1/tokens/" + token.getString("id")).then().statusCode(200)
                .body("status", equalTo("revoked")).body("revokedAt", notNullValue());
    }

    @Inject
    Jdbc jdbc;

    @Test
    void aRevocationMadeByAnotherNodeTakesEffectWithinTheTokenCache() throws InterruptedException {
        JsonPath token = issue(List.of("viewer"));
        String secret = token.getString("token");
        given().auth().none().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);

        // another node revokes it: only the database changes, this node's memory of the token does not
        jdbc.update("update api_token set revoked_at = ? where id = ?", OffsetDateTime.now(), java.util.UUID.fromString(token.getString("id")));
        Thread.sleep(1_200); // kreis.security.api-token-cache is 1 s

        given().auth().none().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void useIsRecordedAsLastUsed() {
        JsonPath token = issue(List.of("viewer"));
        given().get("/api/v1/tokens/" + token.getString("id")).then().body("lastUsedAt", nullValue());
        given().auth().none().header("Authorization", "Bearer " + token.getString("token")).get("/api/v1/me").then().statusCode(200);
        given().get("/api/v1/tokens/" + token.getString("id")).then().body("lastUsedAt", notNullValue());
    }

    @Test
    void anUnknownTokenIs401() {
        given().auth().none().header("Authorization", "Bearer kreis_thisisnotatokenthisisnotatoken0000000000")
                .get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401EvenRightAfterItWasUsed() throws InterruptedException {
        OffsetDateTime expiresAt = OffsetDateTime.now().plusSeconds(3);
        JsonPath token = given().contentType(ContentType.JSON)
                .body(Map.of("name", "short-lived", "roles", List.of("viewer"), "expiresAt", expiresAt.toString()))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath();
        given().auth().none().header("Authorization", "Bearer " + token.getString("token")).get("/api/v1/me").then().statusCode(200);
        Thread.sleep(Math.max(0, java.time.Duration.between(OffsetDateTime.now(), expiresAt).toMillis()) + 500);
        given().auth().none().header("Authorization", "Bearer " + token.getString("token")).get("/api/v1/me").then().statusCode(401);
        given().get("/api/v1/tokens/" + token.getString("id")).then().body("status", equalTo("expired"));
    }

    @Test
    void invalidRequestsNameTheirFields() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "", "roles", List.of("root"), "expiresAt", "2001-01-01T00:00:00Z"))
                .post("/api/v1/tokens").then().statusCode(422)
                .body("errors.field", contains("name", "roles[0]", "expiresAt"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("viewer"), "expiresAt", "tomorrow"))
                .post("/api/v1/tokens").then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void theListIsNewestFirst() {
        String older = issue(List.of("viewer")).getString("id");
        String newer = issue(List.of("viewer")).getString("id");
        JsonPath page = given().queryParam("limit", 2).get("/api/v1/tokens").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(newer, older), page.getList("items.id"));
    }

    @Test
    void issuingAndRevokingAreAuditedWithoutTheSecret() {
        JsonPath token = issue(List.of("integration"));
        given().delete("/api/v1/tokens/" + token.getString("id")).then().statusCode(204);
        given().delete("/api/v1/tokens/" + token.getString("id")).then().statusCode(204);

        String audit = given().queryParam("targetId", token.getString("id")).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("token.revoked", "token.issued"))
                .body("items[1].after.roles", contains("integration"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(audit.contains(token.getString("token")), audit);
    }

    @Test
    void revokingAnUnknownTokenIs404() {
        given().delete("/api/v1/tokens/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyAdminsManageTokens() {
        for (String role : List.of("cx-manager", "marketing", "sales", "support", "viewer", "integration")) {
            Staff.as(role).get("/api/v1/tokens").then().statusCode(403);
            Staff.as(role).contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("admin")))
                    .post("/api/v1/tokens").then().statusCode(403);
        }
    }

    @Test
    void aTokenCannotIssueTokensUnlessItHoldsAdmin() {
        String integration = issue(List.of("integration")).getString("token");
        given().auth().none().header("Authorization", "Bearer " + integration).contentType(ContentType.JSON)
                .body(Map.of("name", "escalate", "roles", List.of("admin"))).post("/api/v1/tokens").then().statusCode(403);
    }
}
