package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.touchpointForEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** The distinct status codes, in ascending order. */
    private static List<Integer> statuses(List<Response> responses) {
        return new ArrayList<>(new TreeSet<>(responses.stream().map(Response::statusCode).toList()));
    }

    /** Sends the request from {@value #PARALLEL} threads released together. */
    private static List<Response> atOnce(Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
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
