package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.platform.touchpoint.TouchpointIngestion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A node holds at most {@code kreis.touchpoints.group-commit.max-queued} single touchpoints waiting to be
 * written; one more is answered 429 with {@code Retry-After} and stored nowhere. Here one may wait, and the
 * writer waits for a group of two before writing, so the first touchpoint stays queued while the second
 * arrives.
 */
@QuarkusTest
@TestProfile(GroupCommitQueueFullApiTest.OneWaiting.class)
class GroupCommitQueueFullApiTest {

    public static class OneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kreis.touchpoints.group-commit.writers", "1", "kreis.touchpoints.group-commit.max-items", "2",
                    "kreis.touchpoints.group-commit.max-queued", "1", "kreis.touchpoints.group-commit.max-wait", "20s");
        }
    }

    @Inject
    TouchpointIngestion ingestion;

    @Test
    void aTouchpointBeyondTheQueueIsAnswered429WithRetryAfterAndNotStored() throws Exception {
        Created anna = person("crm").email(email()).create();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> touchpointFor(anna.customerId()).post());
        waitUntilOneIsWaiting();

        touchpointFor(anna.customerId()).post()
                .then().statusCode(429).contentType(PROBLEM_JSON)
                .header("Retry-After", equalTo("1"))
                .body("status", equalTo(429))
                .body("detail", containsString("max-queued"));

        Response stored = first.get(120, TimeUnit.SECONDS);
        assertEquals(201, stored.statusCode(), stored.asString());
        assertEquals(List.of(stored.jsonPath().getString("touchpointId")), Fixtures.timelineIds(anna.customerId()),
                "the first is stored once its wait is over, the refused one nowhere");
    }

    private void waitUntilOneIsWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ingestion.waitingSingles() < 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the first touchpoint never queued");
            }
            Thread.sleep(10);
        }
    }
}
