package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.touchpointForEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

/** Requests racing each other: identity resolution and idempotency hold under concurrency. */
@QuarkusTest
class ConcurrentIngestionApiTest {
    private static final int PARALLEL = 8;

    @Test
    void profilesSubmittedAtOnceWithTheSameNewEmailBecomeOneCustomer() throws Exception {
        String address = email();

        List<Response> responses = atOnce(() -> person("crm").email(address).post());

        assertEquals(List.of(201), statuses(responses));
        assertEquals(1, new HashSet<>(responses.stream().map(r -> r.jsonPath().getString("customerId")).toList()).size());
    }

    @Test
    void theSameTouchpointSentAtOnceIsStoredOnce() throws Exception {
        Created anna = person("crm").email(email()).create();
        Fixtures.TouchpointBody touchpoint = touchpointFor(anna.customerId());

        List<Response> responses = atOnce(touchpoint::post);

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(), statuses(responses).toString());
        assertEquals(PARALLEL - 1, responses.stream().filter(r -> r.statusCode() == 200
                && "duplicate".equals(r.jsonPath().getString("status"))).count());
        assertEquals(1, new HashSet<>(responses.stream().map(r -> r.jsonPath().getString("touchpointId")).toList()).size());
        assertEquals(1, Fixtures.timelineIds(anna.customerId()).size());
    }

    @Test
    void touchpointsForTheSameNewEmailSentAtOnceCreateOneCustomer() throws Exception {
        String address = email();

        List<Response> responses = atOnce(() -> touchpointForEmail(address).post());

        assertEquals(List.of(201), statuses(responses));
        assertEquals(1, new HashSet<>(responses.stream().map(r -> r.jsonPath().getString("customerId")).toList()).size());
    }

    @Test
    void touchpointsSentAtOnceEachGetTheirOwnAnswer() throws Exception {
        Created anna = person("crm").email(email()).create();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

        List<Response> responses = atOnce(() -> sent.getAndIncrement() % 2 == 0
                ? touchpointFor(anna.customerId()).post()
                : touchpointFor(anna.customerId()).set("type", "feedback.nps").set("score", 11).post());

        List<Response> stored = responses.stream().filter(r -> r.statusCode() == 201).toList();
        List<Response> refused = responses.stream().filter(r -> r.statusCode() == 422).toList();
        assertEquals(PARALLEL / 2, stored.size(), statuses(responses).toString());
        assertEquals(PARALLEL / 2, refused.size(), statuses(responses).toString());
        refused.forEach(r -> assertEquals("score", r.jsonPath().getString("errors[0].field")));
        assertEquals(new HashSet<>(stored.stream().map(r -> r.jsonPath().getString("touchpointId")).toList()),
                new HashSet<>(Fixtures.timelineIds(anna.customerId())));
    }

    @Test
    void touchpointsOfManyCustomersSentAtOnceEachLandOnTheirOwnCustomer() throws Exception {
        List<String> emails = new ArrayList<>();
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String address = email();
            emails.add(address);
            Fixtures.TouchpointBody body = i % 6 == 5 ? touchpointForEmail(address).type("no.such.type")
                    : touchpointForEmail(address).set("payload", Map.of("n", i));
            requests.add(body::post);
        }

        List<Response> responses = atOnce(requests);

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Response response = responses.get(i);
            if (i % 6 == 5) {
                response.then().statusCode(422).body("errors.field", contains("type"));
                given().queryParam("q", emails.get(i)).get("/api/v1/customers").then().statusCode(200).body("items", hasSize(0));
                continue;
            }
            response.then().statusCode(201).body("status", equalTo("accepted"));
            String touchpointId = response.jsonPath().getString("touchpointId");
            assertTrue(ids.add(touchpointId), "every touchpoint has its own id");
            String customerId = response.jsonPath().getString("customerId");
            given().get("/api/v1/customers/" + customerId).then().statusCode(200).body("identifiers.value", hasItems(emails.get(i)));
            given().get("/api/v1/customers/" + customerId + "/timeline").then().statusCode(200)
                    .body("items.id", contains(touchpointId))
                    .body("items[0].payload.n", equalTo(i));
        }
        assertEquals(20, ids.size());
    }

    /** The distinct status codes, in ascending order. */
    private static List<Integer> statuses(List<Response> responses) {
        return new ArrayList<>(new TreeSet<>(responses.stream().map(Response::statusCode).toList()));
    }

    /** Sends the request from {@value #PARALLEL} threads released together. */
    private static List<Response> atOnce(Callable<Response> request) throws Exception {
        return atOnce(java.util.Collections.nCopies(PARALLEL, request));
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
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
