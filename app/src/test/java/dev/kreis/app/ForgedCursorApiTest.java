package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.spi.api.CursorSeal;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every list, the platform's and the modules', refuses a cursor it did not issue (forged, tampered,
 * oversized) with 400 naming {@code cursor} before reading it, and one it did seal but whose position is
 * out of range (a huge exponent, the year 999999999, a negative sequence) as well.
 */
@QuarkusTest
class ForgedCursorApiTest {
    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    private static final UUID SOMEONE = UUID.randomUUID();
    private static UUID customer;

    @BeforeEach
    void modulesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
        ModuleAdmin.ensureEnabled("support");
        ModuleAdmin.ensureEnabled("marketing");
    }

    static List<String> lists() {
        return List.of("/api/v1/customers?q=a", "/api/v1/merge-suggestions", "/api/v1/tasks", "/api/v1/signals/rules",
                "/api/v1/customers/{customer}/timeline", "/api/v1/surveys", "/api/v1/audit", "/api/v1/users", "/api/v1/tokens",
                "/api/v1/sales/deals", "/api/v1/sales/orders", "/api/v1/sales/leads", "/api/v1/sales/subscriptions",
                "/api/v1/support/tickets", "/api/v1/support/tickets/" + SOMEONE + "/history", "/api/v1/marketing/campaigns",
                "/api/v1/marketing/campaigns/" + SOMEONE + "/members");
    }

    static Stream<Arguments> badCursors() {
        List<String> positions = List.of("1E+9999999|" + NIL, "+999999999-01-01T00:00:00Z|" + NIL, "-999999999-01-01T00:00:00Z|" + NIL,
                "0|99999999999999999|0|" + NIL, "0|0|2000000000|" + NIL, "9223372036854775807|0|0|" + NIL, "-1", "x|y",
                "2026-01-01T00:00:00Z|not-an-id");
        List<Arguments> cases = new ArrayList<>();
        for (String list : lists()) {
            for (String position : positions) {
                cases.add(Arguments.of(list, "unsealed " + position, base64(position)));
                cases.add(Arguments.of(list, "sealed with another key " + position, base64(position) + "." + base64("0123456789abcdef")));
                cases.add(Arguments.of(list, "sealed but out of range " + position, CursorSeal.seal(position)));
            }
            cases.add(Arguments.of(list, "oversized", "A".repeat(3_000)));
            cases.add(Arguments.of(list, "oversized and sealed", CursorSeal.seal("9".repeat(1_000) + "|" + NIL)));
            cases.add(Arguments.of(list, "a seal with nothing", "."));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badCursors")
    void aCursorThisServerDidNotIssueOrThatIsOutOfRangeIs400NamingTheCursor(String list, String kind, String cursor) {
        given().queryParam("cursor", cursor).get(list.replace("{customer}", existingCustomer().toString())).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void aSealedCursorInRangeIsAcceptedSoTheOutOfRangeCasesAboveReachTheRangeChecks() {
        given().queryParam("cursor", CursorSeal.seal("2026-01-01T00:00:00Z|" + NIL)).get("/api/v1/audit").then().statusCode(200);
        given().queryParam("cursor", CursorSeal.seal("2026-01-01T00:00:00Z|" + NIL)).get("/api/v1/marketing/campaigns").then().statusCode(200);
        given().queryParam("cursor", CursorSeal.seal("0|1767225600|0|" + NIL)).get("/api/v1/sales/leads").then().statusCode(200);
        given().queryParam("cursor", CursorSeal.seal("0.5|" + NIL)).get("/api/v1/merge-suggestions").then().statusCode(200);
    }

    /** A customer that exists, so the timeline reads its cursor rather than answering 404 first. */
    private static synchronized UUID existingCustomer() {
        if (customer == null) {
            customer = Fixtures.person("crm").email(Fixtures.email()).create().customerId();
        }
        return customer;
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
