package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.touchpointForEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Single touchpoints sent at the same time are written together (group commit,
 * {@code kreis.touchpoints.group-commit.*}), yet each request keeps the answer it would get alone: stored
 * exactly once, duplicates and rejections item by item, and answered only once its touchpoint can be read.
 */
@QuarkusTest
class GroupCommitApiTest {
    private static final int PARALLEL = 32;

    @Test
    void manyTouchpointsSentAtOnceAreEachStoredExactlyOnce() throws Exception {
        Created anna = person("crm").email(email()).create();
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Fixtures.TouchpointBody body = touchpointFor(anna.customerId()).set("payload", Map.of("n", i));
            requests.add(body::post);
        }

        List<Response> responses = atOnce(requests);

        Set<String> ids = new HashSet<>();
        for (Response response : responses) {
            assertEquals(201, response.statusCode(), response.asString());
            assertEquals("accepted", response.jsonPath().getString("status"));
            assertEquals(anna.customerId().toString(), response.jsonPath().getString("customerId"));
            ids.add(response.jsonPath().getString("touchpointId"));
        }
        assertEquals(PARALLEL, ids.size(), "every request got its own touchpoint");
        List<String> timeline = Fixtures.timelineIds(anna.customerId());
        assertEquals(PARALLEL, timeline.size(), "nothing stored twice, nothing lost");
        assertEquals(ids, new HashSet<>(timeline));
    }

    @Test
    void duplicatesSentTogetherWithTheirOriginalAreStoredOnceAndAnsweredWithItsId() throws Exception {
        Created anna = person("crm").email(email()).create();
        List<String> externalIds = List.of("g-" + UUID.randomUUID(), "g-" + UUID.randomUUID(), "g-" + UUID.randomUUID(), "g-" + UUID.randomUUID());
        List<Callable<Response>> requests = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            for (String externalId : externalIds) {
                Fixtures.TouchpointBody body = touchpointFor(anna.customerId()).externalId(externalId);
                requests.add(body::post);
            }
        }

        List<Response> responses = atOnce(requests);

        Map<String, String> storedAs = new HashMap<>();
        Map<String, Integer> accepted = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Response response = responses.get(i);
            String externalId = externalIds.get(i % externalIds.size());
            String id = response.jsonPath().getString("touchpointId");
            assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.asString());
            assertEquals(response.statusCode() == 201 ? "accepted" : "duplicate", response.jsonPath().getString("status"));
            if (response.statusCode() == 201) {
                accepted.merge(externalId, 1, Integer::sum);
            }
            String first = storedAs.putIfAbsent(externalId, id);
            assertEquals(first == null ? id : first, id, "every copy of " + externalId + " is answered with the one stored id");
        }
        assertEquals(Map.of(externalIds.get(0), 1, externalIds.get(1), 1, externalIds.get(2), 1, externalIds.get(3), 1), accepted,
                "each external id accepted exactly once");
        assertEquals(new HashSet<>(storedAs.values()), new HashSet<>(Fixtures.timelineIds(anna.customerId())));
    }

    @Test
    void aTouchpointRejectedInItsGroupFailsAloneNamingItsFieldWhileTheOthersAreStored() throws Exception {
        Created anna = person("crm").email(email()).create();
        UUID nobody = UUID.randomUUID();
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // An unknown customer id passes validation and is found out only when its group is written.
            Fixtures.TouchpointBody body = i % 4 == 3 ? touchpointFor(nobody) : touchpointFor(anna.customerId());
            requests.add(body::post);
        }

        List<Response> responses = atOnce(requests);

        Set<String> stored = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Response response = responses.get(i);
            if (i % 4 == 3) {
                assertEquals(422, response.statusCode(), response.asString());
                assertEquals(Fixtures.PROBLEM_JSON, response.contentType());
                assertEquals(List.of("customerId"), response.jsonPath().getList("errors.field"));
            } else {
                assertEquals(201, response.statusCode(), response.asString());
                stored.add(response.jsonPath().getString("touchpointId"));
            }
        }
        assertEquals(9, stored.size());
        assertEquals(stored, new HashSet<>(Fixtures.timelineIds(anna.customerId())));
    }

    @Test
    void eachTouchpointCanBeReadAsSoonAsItsRequestIsAnswered() throws Exception {
        List<Callable<Response>> requests = new ArrayList<>();
        List<String> seenRightAfter = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < PARALLEL; i++) {
            String address = email();
            requests.add(() -> {
                Response response = touchpointForEmail(address).post();
                if (response.statusCode() == 201) {
                    String customer = response.jsonPath().getString("customerId");
                    String id = response.jsonPath().getString("touchpointId");
                    // Read on another connection right after the answer: the commit came before it.
                    if (Fixtures.timelineIds(UUID.fromString(customer)).equals(List.of(id))) {
                        seenRightAfter.add(id);
                    }
                }
                return response;
            });
        }

        List<Response> responses = atOnce(requests);

        responses.forEach(response -> assertEquals(201, response.statusCode(), response.asString()));
        assertEquals(PARALLEL, seenRightAfter.size(), "every answered touchpoint was on its customer's timeline at once");
    }

    /** Sends each request from its own thread, all released together; answers the responses in the requests' order. */
    private static List<Response> atOnce(List<Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
