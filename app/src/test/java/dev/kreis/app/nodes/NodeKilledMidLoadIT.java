package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node killed with SIGKILL while clients send batches through the load balancer: the clients retry what failed,
 * as a real client does (a batch is idempotent on {@code (source, externalId)}), HAProxy takes the dead node out of
 * the rotation and sends everything to the survivor, and in the end every touchpoint a client was told is stored
 * exists exactly once. Afterwards the killed node is started again and HAProxy puts it back.
 */
class NodeKilledMidLoadIT {
    private static final int BATCHES_BEFORE_KILL = 30;
    private static final int BATCHES_AFTER_DOWN = 30;
    private static final int MOST_BATCHES = 2000;
    private static final int BATCH_SIZE = 50;
    private static final int SENDERS = 3;
    private static final int EMAILS = 400;
    private static Cluster cluster;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
    }

    /** One acknowledged batch: its number, the node that answered, and whether the killed node was out of the rotation by then. */
    private record Ack(int batch, String node, boolean afterDown) {
    }

    @Test
    void aNodeKilledMidLoadLosesAndDoublesNothingAndTheOtherServesOn() throws Exception {
        String source = "kill-" + Cluster.unique();
        Api lb = cluster.lb();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failedAttempts = new AtomicInteger();
        AtomicInteger failedAfterDown = new AtomicInteger();
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger ackedAfterDown = new AtomicInteger();
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> running = new ArrayList<>();
        int ackedBeforeKill;
        try {
            for (int s = 0; s < SENDERS; s++) {
                running.add(senders.submit(() -> {
                    // until enough batches were acknowledged after HAProxy took the killed node out
                    while (ackedAfterDown.get() < BATCHES_AFTER_DOWN) {
                        int batch = next.getAndIncrement();
                        if (batch >= MOST_BATCHES) {
                            throw new AssertionError(MOST_BATCHES + " batches sent and HAProxy never marked node-a DOWN");
                        }
                        Api.Answer answer = sendUntilAcknowledged(lb, batch(source, batch), () -> {
                            failedAttempts.incrementAndGet();
                            if (down.get()) {
                                failedAfterDown.incrementAndGet();
                            }
                        });
                        for (JsonNode result : answer.json().path("results")) {
                            String status = result.path("status").asText();
                            if (!status.equals("accepted") && !status.equals("duplicate")) {
                                throw new AssertionError("batch " + batch + ": " + result);
                            }
                        }
                        for (int i = 0; i < BATCH_SIZE; i++) {
                            acknowledged.add(externalId(batch, i));
                        }
                        boolean afterDown = down.get();
                        acks.add(new Ack(batch, answer.node(), afterDown));
                        if (afterDown) {
                            ackedAfterDown.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            cluster.await(() -> acks.size() >= BATCHES_BEFORE_KILL, BATCHES_BEFORE_KILL + " batches acknowledged");
            ackedBeforeKill = acks.size();
            cluster.a.kill();
            cluster.awaitServer("node-a", "DOWN");
            down.set(true);
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }

        int batches = acks.size();
        assertEquals(next.get(), batches, "every batch sent was acknowledged in the end");
        assertEquals(batches * BATCH_SIZE, acknowledged.size());
        assertEquals(batches * BATCH_SIZE, cluster.count("select count(*) from touchpoint where source = ?", source), "none stored twice");
        assertEquals(batches * BATCH_SIZE, cluster.count("select count(distinct external_id) from touchpoint where source = ?", source),
                "every acknowledged one stored");
        assertEquals(EMAILS, cluster.count("select count(distinct p.customer_id) from touchpoint t join profile p on p.id = t.profile_id"
                + " where t.source = ?", source), "one customer per e-mail");
        assertEquals(Set.of("node-a", "node-b"), acks.stream().filter(ack -> !ack.afterDown()).map(Ack::node).collect(Collectors.toSet()),
                "before the kill both nodes served");
        List<Ack> afterDown = acks.stream().filter(Ack::afterDown).toList();
        assertEquals(Set.of("node-b"), afterDown.stream().map(Ack::node).collect(Collectors.toSet()),
                "the survivor served everything after the kill");
        assertEquals(0, failedAfterDown.get(), "nothing was sent to the dead node once HAProxy had taken it out");
        System.out.printf("Killed node-a after %d of %d batches were acknowledged; %d attempts failed and were sent again;"
                + " %d batches acknowledged after HAProxy marked node-a DOWN, all by node-b%n", ackedBeforeKill, batches, failedAttempts.get(),
                afterDown.size());

        cluster.a.restart();
        cluster.awaitServer("node-a", "UP");
        cluster.await(() -> "node-a".equals(lb.get("/api/v1/me").node()), "the restarted node-a answers through the load balancer again");
    }

    /** Sends one batch until a node answers 200, as a client would: refused connections, 502, 503 and 429 are tried again. */
    private static Api.Answer sendUntilAcknowledged(Api lb, Map<String, Object> batch, Runnable failed) throws InterruptedException {
        for (int attempt = 1; attempt <= 200; attempt++) {
            try {
                Api.Answer answer = lb.tryPost("/api/v1/touchpoints/batch", batch);
                if (answer.status() == 200) {
                    return answer;
                }
                if (answer.status() != 502 && answer.status() != 503 && answer.status() != 504 && answer.status() != 429) {
                    throw new AssertionError("batch refused: " + answer.status() + " " + answer.body());
                }
            } catch (IOException broken) {
                // the connection broke: the answer is unknown, so the batch is sent again
            }
            failed.run();
            Thread.sleep(250);
        }
        throw new AssertionError("a batch was not acknowledged after 200 attempts");
    }

    private static Map<String, Object> batch(String source, int batch) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < BATCH_SIZE; i++) {
            int n = batch * BATCH_SIZE + i;
            items.add(Api.touchpoint(source, externalId(batch, i), "core.interaction", "2025-07-01T10:00:00Z",
                    "kill" + (n % EMAILS) + "@" + source + ".example"));
        }
        return Map.of("items", items);
    }

    private static String externalId(int batch, int item) {
        return "b" + batch + "-" + item;
    }
}
