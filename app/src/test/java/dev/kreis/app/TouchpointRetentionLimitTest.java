package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.platform.touchpoint.persistence.TouchpointPartitions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * With {@code kreis.touchpoints.retention-months} set, PostgreSQL refuses touchpoints older than the oldest
 * month kept (their month is dropped, and storing them would refold a day whose rollups keep the history);
 * H2 keeps every touchpoint and accepts them. The retention job itself is off here (interval 0), so this
 * instance drops nothing of the other tests' data.
 */
@QuarkusTest
@TestProfile(TouchpointRetentionLimitTest.TwoYears.class)
class TouchpointRetentionLimitTest {

    public static class TwoYears implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kreis.touchpoints.retention-months", "24", "kreis.touchpoints.partition-check-interval", "0s");
        }
    }

    @Inject
    TouchpointPartitions partitions;

    @Test
    void aTouchpointOlderThanTheRetentionIsRejectedNamingOccurredAtOnPostgresql() {
        Created anna = person("crm").email(email()).create();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String old = now.minusMonths(27).toString();
        String recent = now.minusMonths(22).toString();

        if (partitions.partitioned()) {
            touchpointFor(anna.customerId()).occurredAt(old).post()
                    .then().statusCode(422).contentType(PROBLEM_JSON)
                    .body("errors.field", contains("occurredAt"))
                    .body("errors[0].message", containsString("retention-months"));
            postJson("/api/v1/touchpoints/batch", Map.of("items", List.of(touchpointFor(anna.customerId()).occurredAt(recent).json(),
                    touchpointFor(anna.customerId()).occurredAt(old).json())))
                    .then().statusCode(200)
                    .body("results.status", contains("accepted", "rejected"))
                    .body("results[1].errors.field", contains("occurredAt"));
        } else {
            touchpointFor(anna.customerId()).occurredAt(old).post().then().statusCode(201).body("status", equalTo("accepted"));
            postJson("/api/v1/touchpoints/batch", Map.of("items", List.of(touchpointFor(anna.customerId()).occurredAt(recent).json(),
                    touchpointFor(anna.customerId()).occurredAt(old).json())))
                    .then().statusCode(200).body("results.status", contains("accepted", "accepted"));
        }
    }
}
