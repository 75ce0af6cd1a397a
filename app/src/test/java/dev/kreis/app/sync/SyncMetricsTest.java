package dev.kreis.app.sync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.connector.hubspot.FakeHubSpot;
import io.quarkus.test.junit.QuarkusTest;

/** Micrometer meters per connection (issue 15 §2, runs): counts, run durations and failures in a row. */
@QuarkusTest
class SyncMetricsTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Optional<Double> value(String metrics, String name, String connection, String... more) {
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(name + "{") && line.contains("connection=\"" + connection + "\""))
                .filter(line -> Arrays.stream(more).allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }

    @Test
    void runsRecordsDurationsAndFailuresInARowAreMeasuredPerConnection() {
        fake.add("contacts", Map.of("email", "metered-" + SyncFixtures.unique() + "@example.com"));
        fake.add("contacts", Map.of("email", "metered-" + SyncFixtures.unique() + "@example.com"));
        UUID ok = SyncFixtures.connect(fake, Map.of("push", "false"));
        assertEquals("succeeded", SyncFixtures.sync(ok).getString("status"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(Optional.of(2.0), value(metrics, "kreis_sync_records_total", ok.toString(), "outcome=\"created\""));
        assertEquals(Optional.of(1.0), value(metrics, "kreis_sync_run_duration_seconds_count", ok.toString(), "status=\"succeeded\""));
        assertEquals(Optional.of(0.0), value(metrics, "kreis_sync_consecutive_failures", ok.toString()));

        UUID failing = SyncFixtures.connect(fake, Map.of("push", "false"));
        fake.revokePrivateAppToken();
        for (int i = 0; i < 2; i++) {
            assertEquals("failed", SyncFixtures.sync(failing).getString("status"));
        }
        metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(Optional.of(2.0), value(metrics, "kreis_sync_consecutive_failures", failing.toString()));
        assertEquals(Optional.of(2.0), value(metrics, "kreis_sync_runs_total", failing.toString(), "status=\"failed\""));
        assertTrue(value(metrics, "kreis_sync_run_duration_seconds_sum", failing.toString(), "status=\"failed\"").orElseThrow() > 0);
    }
}
