package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.connect;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.sync.DeadLetter;
import dev.kreis.platform.sync.SyncEngine;
import dev.kreis.platform.sync.persistence.DeadLetterRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A CRM record has at most one dead letter per connection and object (issue 15 §2, limits and failures): a later
 * failure of the same record adds to that letter, whichever run or node meets it.
 */
@QuarkusTest
class DeadLetterPerRecordTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @Inject
    SyncEngine engine;

    @Inject
    DeadLetterRepository repository;

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aScheduledAndAManualRunFailingOnTheSameRecordLeaveOneDeadLetterWithTheAttemptsOfBoth() {
        String broken = fake.add("contacts", Map.of("email", "not-an-email"));
        UUID connection = connect(fake, Map.of("push", "false"));
        UUID scheduled = engine.start(connection, SyncEngine.Trigger.SCHEDULE, false, "scheduler");
        assertEquals(1, SyncFixtures.awaitRun(connection, scheduled.toString()).getInt("counts.deadLettered"));
        String first = SyncFixtures.deadLetters(connection).getString("items[0].id");
        SyncFixtures.sleep(5);
        fake.change("contacts", broken, Map.of("email", "still-not-an-email"));

        JsonPath manual = SyncFixtures.sync(connection);

        assertEquals("partial", manual.getString("status"));
        assertEquals(1, manual.getInt("counts.deadLettered"), "the manual run gave up on the record too");
        JsonPath letters = SyncFixtures.deadLetters(connection);
        assertEquals(1, letters.getList("items").size(), "one letter for the record");
        assertEquals(first, letters.getString("items[0].id"), "the letter of the scheduled run stays");
        assertEquals(broken, letters.getString("items[0].recordId"));
        assertEquals(6, letters.getInt("items[0].attempts"), "three attempts of each run");
        assertEquals(manual.getString("id"), letters.getString("items[0].lastRunId"));
        assertTrue(OffsetDateTime.parse(letters.getString("items[0].lastFailedAt"))
                .isAfter(OffsetDateTime.parse(letters.getString("items[0].createdAt"))), "created at the first failure, last failed at the second");
    }

    @Test
    void aSuccessfulRetryOfTheLetterBothRunsLeftRemovesIt() {
        String broken = fake.add("contacts", Map.of("email", "not-an-email"));
        UUID connection = connect(fake, Map.of("push", "false"));
        SyncFixtures.sync(connection);
        SyncFixtures.sleep(5);
        fake.change("contacts", broken, Map.of("email", "again-not-an-email"));
        SyncFixtures.sync(connection);
        String letter = SyncFixtures.deadLetters(connection).getString("items[0].id");
        fake.change("contacts", broken, Map.of("email", "fixed-" + unique() + "@example.com"));

        given().post("/api/v1/connections/" + connection + "/dead-letters/" + letter + "/retry").then().statusCode(204);

        assertEquals(List.of(), SyncFixtures.deadLetters(connection).getList("items"));
    }

    @Test
    void failuresOfOneRecordRecordedAtOnceOnSeveralNodesLeaveOneLetterWithEveryAttempt() throws Exception {
        UUID connection = connect(fake, Map.of("push", "false"));
        String record = "rec-" + unique();
        int nodes = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                UUID run = UUID.randomUUID();
                done.add(pool.submit(() -> {
                    start.await();
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    repository.failed(new DeadLetter(UUID.randomUUID(), connection, "contacts", record, "pull", "{}", "validation",
                            "is not an e-mail address", 2, now, now, run));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonPath letters = SyncFixtures.deadLetters(connection);
        assertEquals(1, letters.getList("items").size());
        assertEquals(2 * nodes, letters.getInt("items[0].attempts"));
    }
}
