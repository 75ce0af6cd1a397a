package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.security.persistence.UserAccountRepository;
import dev.kreis.platform.security.persistence.UserAccountRow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;

/** Brute-force protection of local accounts: repeated failures lock the account, an admin can unlock it. */
@QuarkusTest
class LockoutApiTest {
    private static final String PASSWORD = "the-right-password";
    /**
     * Fewer than the 30 password checks one user name may make per minute, so that the check with the right
     * password at the end is judged by the lockout and not refused by the rate limit, however fast the
     * machine runs the attempts.
     */
    private static final int ATTEMPTS = 25;

    @Inject
    UserAccountRepository accounts;

    private static String createUser(String username) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static void failLogins(String username, int times) {
        for (int i = 0; i < times; i++) {
            given().auth().preemptive().basic(username, "wrong-password-" + i).get("/api/v1/me").then().statusCode(401);
        }
    }

    @Test
    void fiveFailuresInARowLockTheAccountEvenForTheRightPassword() {
        String username = "locked-" + dev.kreis.app.Fixtures.unique();
        String id = createUser(username);

        failLogins(username, 5);

        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/me").then().statusCode(401);
        given().get("/api/v1/users/" + id).then().statusCode(200).body("lockedUntil", notNullValue());
    }

    @Test
    void fewerFailuresThanTheThresholdAreForgottenAfterASuccess() {
        String username = "unlucky-" + dev.kreis.app.Fixtures.unique();
        createUser(username);

        failLogins(username, 4);
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/me").then().statusCode(200);
        failLogins(username, 4);

        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void anAdminUnlocksALockedAccount() {
        String username = "unlock-" + dev.kreis.app.Fixtures.unique();
        String id = createUser(username);
        failLogins(username, 5);

        given().contentType(ContentType.JSON).body(Map.of("unlock", true)).patch("/api/v1/users/" + id)
                .then().statusCode(200).body("lockedUntil", nullValue());

        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void twentyFiveConcurrentWrongPasswordsAreCountedUpToTheThresholdAndNoFurther() throws Exception {
        String username = "concurrent-" + dev.kreis.app.Fixtures.unique();
        UUID id = UUID.fromString(createUser(username));
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                String password = "wrong-password-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().preemptive().basic(username, password).get("/api/v1/me").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS), is(401));
            }
        } finally {
            pool.shutdownNow();
        }

        UserAccountRow account = accounts.find(id).orElseThrow();
        assertThat("each attempt was judged on the count of all before it", account.failedAttempts(), is(5));
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/me").then().statusCode(401);
        given().get("/api/v1/users/" + id).then().statusCode(200).body("lockedUntil", notNullValue());
    }

    @Test
    void unknownUsersAreRefusedLikeWrongPasswords() {
        given().auth().preemptive().basic("nobody-" + dev.kreis.app.Fixtures.unique(), PASSWORD).get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
