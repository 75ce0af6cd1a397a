package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Identity resolution across nodes: the same new e-mail address sent to both nodes at the same moment (each request
 * straight to its node, released together by a barrier) becomes one customer, whichever node resolves it first.
 */
class SameEmailOnBothNodesIT {
    private static final int ROUNDS = 25;
    private static Cluster cluster;
    private static ExecutorService pair;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
        pair = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void down() {
        if (pair != null) {
            pair.shutdownNow();
        }
    }

    @Test
    void profilesWithTheSameEmailSentToBothNodesAtOnceBelongToOneCustomer() throws Exception {
        String run = Cluster.unique();
        race(run, email -> Api.profile("crm-a-" + run, email, email), email -> Api.profile("crm-b-" + run, email, email), "/api/v1/profiles");
    }

    @Test
    void touchpointsWithTheSameEmailSentToBothNodesAtOnceBelongToOneCustomer() throws Exception {
        String run = Cluster.unique();
        race(run, email -> Api.touchpoint("web-" + run, "a-" + email, "core.interaction", "2025-06-01T10:00:00Z", email),
                email -> Api.touchpoint("shop-" + run, "b-" + email, "core.interaction", "2025-06-01T11:00:00Z", email), "/api/v1/touchpoints");
    }

    /** For each round a new e-mail: one body to node-a and one to node-b, released at once; both must name one customer. */
    private void race(String run, Function<String, Map<String, Object>> toA, Function<String, Map<String, Object>> toB, String path) throws Exception {
        Api onA = cluster.on(cluster.a);
        Api onB = cluster.on(cluster.b);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String email = "race-" + run + "-" + i + "@nodes.example";
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Api.Answer> viaA = pair.submit(() -> {
                together.await();
                return onA.post(path, toA.apply(email));
            });
            Future<Api.Answer> viaB = pair.submit(() -> {
                together.await();
                return onB.post(path, toB.apply(email));
            });
            Api.Answer a = viaA.get();
            Api.Answer b = viaB.get();
            assertEquals(201, a.status(), "node-a: " + a.body());
            assertEquals(201, b.status(), "node-b: " + b.body());
            String customer = a.json().path("customerId").asText();
            if (!customer.equals(b.json().path("customerId").asText())) {
                mismatches.add(email + ": node-a " + customer + ", node-b " + b.json().path("customerId").asText());
            }
            JsonNode found = cluster.lb().get("/api/v1/customers?q=" + email).json().path("items");
            assertEquals(1, found.size(), "one customer with " + email + ": " + found);
            assertEquals(customer, found.get(0).path("id").asText(), email);
        }
        assertEquals(List.of(), mismatches, "both nodes answered the same customer for each e-mail");
    }
}
