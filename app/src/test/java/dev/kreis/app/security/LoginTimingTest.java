package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A refused login takes as long whether the user name is unknown, the password wrong, or the account
 * locked or disabled: the times are compared with each other (medians within a factor of two), never
 * with a fixed threshold. At production's bcrypt cost, so a decoy hash of a lower cost would show.
 */
@QuarkusTest
@TestProfile(LoginTimingTest.ProductionCost.class)
class LoginTimingTest {
    private static final String PASSWORD = "the-right-password";
    private static final int ROUNDS = 6;

    public static class ProductionCost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A lock that outlasts the test however slow the machine is.
            return Map.of("kreis.security.bcrypt-cost", "12", "kreis.security.lockout.failure-threshold", "3",
                    "kreis.security.lockout.wait-increment", "1H", "kreis.security.lockout.max-wait", "1H");
        }
    }

    private enum Refusal { WRONG_PASSWORD, UNKNOWN_USER, LOCKED, DISABLED }

    @Test
    void unknownLockedAndDisabledAccountsTakeAsLongAsAWrongPassword() {
        String locked = createUser(true);
        for (int i = 0; i < 3; i++) {
            attempt(locked, "wrong-password-" + i);
        }
        String disabled = createUser(false);
        Map<Refusal, List<Long>> times = new EnumMap<>(Refusal.class);
        for (Refusal refusal : Refusal.values()) {
            times.put(refusal, new ArrayList<>());
        }
        // Round robin, so a slower moment on a busy machine hits every kind alike.
        for (int round = 0; round < ROUNDS; round++) {
            times.get(Refusal.WRONG_PASSWORD).add(attempt(createUser(true), "not-the-password-" + round));
            times.get(Refusal.UNKNOWN_USER).add(attempt("nobody-" + Fixtures.unique(), PASSWORD));
            times.get(Refusal.LOCKED).add(attempt(locked, PASSWORD));
            times.get(Refusal.DISABLED).add(attempt(disabled, PASSWORD));
        }

        long reference = median(times.get(Refusal.WRONG_PASSWORD));
        for (Refusal refusal : Refusal.values()) {
            long median = median(times.get(refusal));
            assertTrue(median >= reference / 2 && median <= reference * 2,
                    "median of " + refusal + " " + median + " ns against a wrong password's " + reference + " ns; all: " + times);
        }
    }

    private static String createUser(boolean enabled) {
        String username = "timing-" + Fixtures.unique();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of("viewer"), "enabled", enabled))
                .post("/api/v1/users").then().statusCode(201);
        return username;
    }

    /** Nanoseconds until a refused login was answered. */
    private static long attempt(String username, String password) {
        long start = System.nanoTime();
        given().auth().preemptive().basic(username, password).get("/api/v1/me").then().statusCode(401);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
