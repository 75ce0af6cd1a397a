package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Headers every answer carries, bodies without a media type, locations that ignore the request's Host, and the metrics. */
@QuarkusTest
class HttpHardeningApiTest {
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:kreis-test-bootstrap-password".getBytes(StandardCharsets.UTF_8));

    @TestHTTPResource("/")
    URI base;

    @Test
    void aBodyWithoutContentTypeIsRefusedWith415AndNothingIsCreated() throws Exception {
        String username = "no-type-" + Fixtures.unique();
        String body = "{\"username\":\"" + username + "\",\"password\":\"a-fine-long-password\",\"roles\":[\"admin\"]}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/users"))
                .header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(415, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        given().auth().preemptive().basic(username, "a-fine-long-password").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void apiAnswersAreNotSniffedAndNotStored() {
        given().get("/api/v1/me").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().auth().none().get("/api/v1/customers").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
    }

    @Test
    void swaggerUiHasAContentSecurityPolicyAndCannotBeFramed() {
        given().auth().none().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aLocationIsNeverBuiltFromTheRequestsHost() {
        var customer = Fixtures.person("crm").email(Fixtures.email()).create().customerId();
        String receipt = given().header("Host", "evil.example:6666").contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/customers/" + customer + "/erase")
                .then().statusCode(201).header("Location", not(containsString("evil.example")))
                .header("Location", startsWith("/api/v1/erasures/")).extract().jsonPath().getString("receiptId");
        given().get("/api/v1/erasures/" + receipt).then().statusCode(200);
    }

    @Test
    void onlyLocationsPointingAtKreisItselfAreRewrittenNotRedirectsToKeycloak() {
        assertEquals(true, dev.kreis.platform.api.HttpHardening.toThisServer("/api/v1/x", "kreis.example"));
        assertEquals(true, dev.kreis.platform.api.HttpHardening.toThisServer("http://evil.example:6666/api/v1/x", "evil.example:6666"));
        assertEquals(true, dev.kreis.platform.api.HttpHardening.toThisServer("http://EVIL.example/x", "evil.example"));
        assertEquals(false, dev.kreis.platform.api.HttpHardening.toThisServer(
                "https://sso.example.com/realms/kreis/protocol/openid-connect/auth?client_id=kreis-web", "kreis.example"));
        assertEquals(false, dev.kreis.platform.api.HttpHardening.toThisServer("http://127.0.0.1:8180/realms/kreis", "127.0.0.1:8080"));
    }

    @Test
    void metricsNeedTheAdminRoleWhileHealthAndTheApiDescriptionArePublic() {
        given().auth().none().get("/q/health").then().statusCode(200);
        given().auth().none().get("/q/openapi").then().statusCode(200);
        given().auth().none().get("/q/metrics").then().statusCode(401);
        given().auth().preemptive().basic(dev.kreis.app.Staff.username("viewer"), "staff-password-for-tests").get("/q/metrics")
                .then().statusCode(403);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void junkPathsCountAsOneUriAndDoNotCrowdOutRealEndpoints() {
        for (int i = 0; i < 120; i++) {
            given().auth().none().delete("/junk-" + i + "-" + Fixtures.unique()).then().statusCode(org.hamcrest.Matchers.anyOf(
                    equalTo(404), equalTo(405)));
        }
        given().get("/api/v1/touchpoint-types").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> junk = metrics.lines().filter(line -> line.contains("/junk-")).toList();
        assertEquals(List.of(), junk);
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("uri=\"/api/v1/touchpoint-types\""));
    }
}
