package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code /api/v1/users}: local accounts, administered by admins only. */
@QuarkusTest
class UserApiTest {
    private static final String PASSWORD = "a-long-enough-password";

    private static JsonPath createUser(String username, List<String> roles) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", roles, "displayName", "Anna Admin"))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath();
    }

    private static String username() {
        return "user-" + dev.kreis.app.Fixtures.unique();
    }

    @Test
    void anAdminCreatesAnAccountThatCanLogInWithItsRoles() {
        String name = username();
        JsonPath created = createUser(name, List.of("sales", "viewer"));

        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/me")
                .then().statusCode(200)
                .body("name", equalTo(name))
                .body("authenticatedBy", equalTo("basic"))
                .body("roles", contains("sales", "viewer"))
                .body("permissions", hasItem("customer-record:write"))
                .body("permissions", not(hasItem("users:read")));
        given().get("/api/v1/users/" + created.getString("id")).then().statusCode(200)
                .body("username", equalTo(name))
                .body("displayName", equalTo("Anna Admin"))
                .body("lastLoginAt", notNullValue())
                .body("$", not(hasKey("passwordHash")))
                .body("$", not(hasKey("password")));
    }

    @Test
    void theAccountListPagesWithACursor() {
        createUser(username(), List.of("viewer"));
        createUser(username(), List.of("viewer"));
        JsonPath first = given().queryParam("limit", 1).get("/api/v1/users").then().statusCode(200).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/users").then().statusCode(200)
                .body("items[0].id", not(equalTo(first.getString("items[0].id"))));
    }

    @Test
    void aSecondAccountWithTheSameUsernameConflicts() {
        String name = username();
        createUser(name, List.of("viewer"));
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", PASSWORD, "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void invalidFieldsAreEachNamed() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "Not Valid!", "password", "short", "roles", List.of("viewer", "wizard")))
                .post("/api/v1/users").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("username", "password", "roles[1]"));
    }

    @Test
    void aPasswordContainingTheUsernameIsRefused() {
        String name = username();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", name + "-and-more", "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(422).body("errors[0].field", equalTo("password"));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username(), "password", "x".repeat(73), "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(422).body("errors[0].message", containsString("72 bytes"));
    }

    @Test
    void weakPasswordsAreRefusedForAdminsToo() {
        for (String weak : List.of(" ".repeat(12), "a".repeat(12), "qwerty123456")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", username(), "password", weak, "roles", List.of("admin")))
                    .post("/api/v1/users").then().statusCode(422).body("errors[0].field", equalTo("password"));
        }
    }

    @Test
    void aPasswordWithBytesPastTheSeventySecondDoesNotLogIn() {
        String name = username();
        String password = "0123456789abcdefghij".repeat(3) + "klmnopqrstuv"; // 72 bytes
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", password, "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(201);

        given().auth().preemptive().basic(name, password).get("/api/v1/me").then().statusCode(200);
        given().auth().preemptive().basic(name, password + "-ignored-by-bcrypt").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"username\":").post("/api/v1/users")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aChangedPasswordReplacesTheOldOneAtOnce() {
        String name = username();
        String id = createUser(name, List.of("viewer")).getString("id");
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/me").then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("password", "the-new-password-123"))
                .patch("/api/v1/users/" + id).then().statusCode(200);

        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/me").then().statusCode(401);
        given().auth().preemptive().basic(name, "the-new-password-123").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void changedRolesApplyToTheNextRequest() {
        String name = username();
        String id = createUser(name, List.of("viewer")).getString("id");
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/users").then().statusCode(403);

        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("admin"))).patch("/api/v1/users/" + id)
                .then().statusCode(200).body("roles", contains("admin"));

        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/users").then().statusCode(200);
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        String name = username();
        String id = createUser(name, List.of("viewer")).getString("id");
        given().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/users/" + id).then().statusCode(200);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theUsernameCannotBeChanged() {
        String id = createUser(username(), List.of("viewer")).getString("id");
        given().contentType(ContentType.JSON).body(Map.of("username", "someone-else")).patch("/api/v1/users/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("username"));
    }

    @Test
    void aDeletedAccountCannotLogInAndIsGone() {
        String name = username();
        String id = createUser(name, List.of("viewer")).getString("id");
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/me").then().statusCode(200);

        given().delete("/api/v1/users/" + id).then().statusCode(204);

        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/me").then().statusCode(401);
        given().get("/api/v1/users/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAdminCannotDeleteOrDemoteThemself() {
        String name = username();
        String id = createUser(name, List.of("admin")).getString("id");
        given().auth().preemptive().basic(name, PASSWORD).delete("/api/v1/users/" + id).then().statusCode(409);
        given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("viewer"))).patch("/api/v1/users/" + id).then().statusCode(409);
    }

    @Test
    void anUnknownOrMalformedIdIsAProblem() {
        given().get("/api/v1/users/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/users/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void onlyAdminsAdministerAccounts() {
        for (String role : List.of("cx-manager", "marketing", "sales", "support", "viewer", "integration")) {
            Staff.as(role).get("/api/v1/users").then().statusCode(403).contentType("application/problem+json");
            Staff.as(role).contentType(ContentType.JSON)
                    .body(Map.of("username", username(), "password", PASSWORD, "roles", List.of("admin")))
                    .post("/api/v1/users").then().statusCode(403);
        }
        given().auth().none().get("/api/v1/users").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void accountChangesAreAuditedWithoutThePassword() {
        String name = username();
        String id = createUser(name, List.of("viewer")).getString("id");
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("sales"), "password", "another-long-password"))
                .patch("/api/v1/users/" + id).then().statusCode(200);
        given().delete("/api/v1/users/" + id).then().statusCode(204);

        String audit = given().queryParam("targetId", id).queryParam("limit", 10).get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.action", contains("user.deleted", "user.updated", "user.created"))
                .body("items.actor", contains("admin", "admin", "admin"))
                .body("items[1].before.roles", contains("viewer"))
                .body("items[1].after.roles", contains("sales"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(audit.contains(PASSWORD) || audit.contains("another-long-password")
                || audit.contains("$2a$"), audit);
    }

    @Test
    void wrongCredentialsAre401WithAProblemBody() {
        given().auth().preemptive().basic("admin", "not-the-password").get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }
}
