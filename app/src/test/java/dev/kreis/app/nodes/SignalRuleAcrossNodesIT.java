package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kreis.app.PackagedNode;

/**
 * Signal rules across nodes: both nodes run the signal worker on the one outbox. Two matching touchpoints of one
 * customer, sent to the two nodes at the same moment, open one follow-up task (the rule fires once per customer,
 * naming one of the two answers), and the outbox both workers drain ends empty.
 */
class SignalRuleAcrossNodesIT {
    private static final int CUSTOMERS = 30;
    private static Cluster cluster;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
    }

    @Test
    void twoMatchesOfOneCustomerOnTwoNodesAtOnceOpenOneTask() throws Exception {
        String run = Cluster.unique();
        String source = "signals-" + run;
        // feedback.csat is watched by no default rule, so a node enqueues a CSAT answer only once it knows this rule
        Api.Answer created = cluster.lb().post("/api/v1/signals/rules", Map.of("name", "Multi-node " + run, "enabled", true,
                "trigger", Map.of("type", "feedback.csat"), "condition", Map.of("kind", "score_range", "max", 2),
                "action", Map.of("kind", "task", "department", "support", "priority", "normal", "title", "Low CSAT " + run)));
        assertEquals(201, created.status(), created.body());
        UUID rule = UUID.fromString(created.json().path("id").asText());
        for (PackagedNode node : cluster.nodes()) {
            awaitRuleKnownTo(node, rule, run);
        }

        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            Api.Answer profile = cluster.lb().post("/api/v1/profiles", Api.profile(source, "c-" + i, "signal-" + run + "-" + i + "@nodes.example"));
            assertEquals(201, profile.status(), profile.body());
            customers.add(UUID.fromString(profile.json().path("customerId").asText()));
        }
        ExecutorService pair = Executors.newFixedThreadPool(2);
        List<String> touchpoints = new ArrayList<>();
        try {
            for (int i = 0; i < CUSTOMERS; i++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (PackagedNode node : cluster.nodes()) {
                    Map<String, Object> answer = csat(source, node.name() + "-" + i, customers.get(i));
                    answers.add(pair.submit(() -> {
                        together.await();
                        return cluster.on(node).post("/api/v1/touchpoints", answer);
                    }));
                }
                for (Future<Api.Answer> answer : answers) {
                    assertEquals(201, answer.get().status(), answer.get().body());
                    touchpoints.add(answer.get().json().path("touchpointId").asText());
                }
            }
        } finally {
            pair.shutdownNow();
        }

        String ours = "select count(*) from signal_outbox o join touchpoint t on t.id = o.touchpoint_id where t.source = ?";
        cluster.await(() -> cluster.count(ours, source) == 0, "both nodes' workers evaluated every arrived touchpoint");
        String tasks = " from follow_up_task where rule_id = ? and customer_id in (select customer_id from profile where source = ?)";
        assertEquals(CUSTOMERS, cluster.count("select count(*)" + tasks, rule, source), "one task per customer, though each had two matches on two nodes");
        assertEquals(CUSTOMERS, cluster.count("select count(distinct customer_id)" + tasks, rule, source));
        for (String task : cluster.strings("select cast(touchpoint_id as varchar)" + tasks, rule, source)) {
            assertTrue(touchpoints.contains(task), "each task names one of its customer's two answers: " + task);
        }
    }

    /**
     * Sends CSAT answers of a probe customer straight to {@code node} until one opens a task: from then on that node's
     * rule snapshot (reloaded every poll, for ingest and evaluation alike) holds the rule.
     */
    private static void awaitRuleKnownTo(PackagedNode node, UUID rule, String run) throws InterruptedException {
        String probe = "probe-" + node.name() + "-" + run + "@nodes.example";
        AtomicInteger sent = new AtomicInteger();
        cluster.await(() -> {
            Api.Answer answer = cluster.on(node).post("/api/v1/touchpoints", Map.of("source", "probe-" + run, "externalId",
                    probe + "-" + sent.incrementAndGet(),
                    "type", "feedback.csat", "score", 1, "occurredAt", aMinuteAgo(),
                    "customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", probe)))));
            if (answer.status() != 201) {
                throw new AssertionError(answer.body());
            }
            UUID customer = UUID.fromString(answer.json().path("customerId").asText());
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cluster.count("select count(*) from follow_up_task where rule_id = ? and customer_id = ?", rule, customer) > 0;
        }, node.name() + " enqueues and evaluates touchpoints for the new rule");
    }

    private static Map<String, Object> csat(String source, String externalId, UUID customer) {
        return Map.of("source", source, "externalId", externalId, "type", "feedback.csat", "score", 1, "occurredAt", aMinuteAgo(),
                "customerId", customer.toString());
    }

    private static String aMinuteAgo() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
