package dev.kreis.app;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests made as a local account holding exactly one role. The account is created (as admin) the first
 * time a role is asked for and reused afterwards; its name carries a random part, so test runs on a
 * database that outlives them do not collide.
 */
public final class Staff {
    private static final Map<String, String> USERNAMES = new ConcurrentHashMap<>();
    static final String PASSWORD = "staff-password-for-tests";

    private Staff() {
    }

    /** A request authenticated as a user with just {@code role}. */
    public static RequestSpecification as(String role) {
        return given().auth().preemptive().basic(username(role), PASSWORD);
    }

    /** A request authenticated as the account {@link #createUser(List)} made. */
    public static RequestSpecification asUser(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }

    /** The user name of the account {@link #as(String)} uses for {@code role}. */
    public static String username(String role) {
        return USERNAMES.computeIfAbsent(role, Staff::create);
    }

    /** Creates a fresh account with the given roles and answers its user name. */
    public static String createUser(List<String> roles) {
        String username = "staff-" + Fixtures.unique();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", roles))
                .when().post("/api/v1/users")
                .then().statusCode(201);
        return username;
    }

    private static String create(String role) {
        return createUser(List.of(role));
    }
}
