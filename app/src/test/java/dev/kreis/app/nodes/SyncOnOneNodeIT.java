package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kreis.connector.hubspot.FakeHubSpot;

/**
 * Sync runs across nodes: a sync of one connection started on both nodes at the same moment runs on one node only,
 * through the connection's lease in the database: one start is answered 202, the other 409 naming the run under way,
 * and each CRM record is stored once. The HubSpot is a fake in the test process; its first answer asks the run to
 * wait 2 s ({@code Retry-After}), so the run is under way when the other start arrives. A scheduled run (every node's
 * scheduler may start one for a new connection) can take the lease first; then both starts are refused, and they are
 * sent again once it ended.
 */
class SyncOnOneNodeIT {
    private static final int CONTACTS = 250;
    private static final String DAY = "PT24H";
    private static Cluster cluster;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
    }

    @Test
    void aSyncStartedOnBothNodesAtOnceRunsOnOneNode() throws Exception {
        try (FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC())) {
            String run = Cluster.unique();
            for (int i = 0; i < CONTACTS; i++) {
                fake.add("contacts", Map.of("email", "c" + i + "-" + run + "@sync.example", "firstname", "C" + i));
            }
            String source = "hs-" + run;
            Api.Answer created = cluster.lb().post("/api/v1/connections", Map.of("connector", "hubspot", "name", "HubSpot " + run,
                    "source", source, "baseUrl", fake.baseUrl().toString(),
                    "credentials", Map.of("accessToken", "pat-test", "clientSecret", "nodes-webhook-secret"),
                    // pull only when asked, after a first scheduled run (if any); push nothing
                    "settings", Map.of("push", "false", "interval.contacts", DAY, "interval.companies", DAY, "interval.deals", DAY,
                            "interval.tickets", DAY)));
            assertEquals(201, created.status(), created.body());
            String connection = created.json().path("id").asText();
            String path = "/api/v1/connections/" + connection + "/sync";

            Api.Answer winner = null;
            Api.Answer loser = null;
            for (int attempt = 0; attempt < 5 && winner == null; attempt++) {
                cluster.await(() -> runningRuns(connection) == 0, "no run of " + connection + " under way");
                fake.throttle(1, 2);
                List<Api.Answer> answers = atOnce(cluster.on(cluster.a), cluster.on(cluster.b), path);
                for (Api.Answer answer : answers) {
                    assertTrue(answer.status() == 202 || answer.status() == 409, "a start is accepted or refused: " + answer.body());
                }
                assertFalse(answers.get(0).status() == 202 && answers.get(1).status() == 202,
                        "both nodes started a run: " + answers.get(0).body() + " / " + answers.get(1).body());
                for (Api.Answer answer : answers) {
                    if (answer.status() == 202) {
                        winner = answer;
                    } else {
                        loser = answer;
                    }
                }
            }
            assertTrue(winner != null, "one of the starts was accepted within five attempts");
            String runId = winner.json().path("runId").asText();
            assertTrue(loser.body().contains(runId), "the refused start names the run under way: " + loser.body());

            cluster.await(() -> cluster.count("select count(*) from sync_run where id = cast(? as uuid) and status <> 'running'", runId) == 1,
                    "run " + runId + " ended");
            var view = cluster.lb().get("/api/v1/connections/" + connection + "/runs/" + runId).json();
            assertEquals("succeeded", view.path("status").asText(), view.toString());
            assertEquals(CONTACTS, cluster.count("select count(*) from profile where source = ?", source));
            assertEquals(CONTACTS, cluster.count("select count(distinct external_id) from profile where source = ?", source));
            assertEquals(0, cluster.count("select count(*) from sync_run r1 join sync_run r2 on r1.connection_id = r2.connection_id"
                    + " and r1.id <> r2.id where r1.connection_id = cast(? as uuid) and r1.started_at <= r2.started_at"
                    + " and r2.started_at < coalesce(r1.ended_at, now())", connection), "no two runs of the connection overlap");
        }
    }

    private static long runningRuns(String connection) {
        return cluster.count("select count(*) from sync_run where connection_id = cast(? as uuid) and status = 'running'", connection);
    }

    /** POSTs {@code path} to both APIs at the same moment; answers in the order given. */
    private static List<Api.Answer> atOnce(Api first, Api second, String path) {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Api.Answer>> sent = new ArrayList<>();
        // a thread each: the common pool may have a single thread on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(2);
        for (Api api : List.of(first, second)) {
            sent.add(CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return api.post(path);
            }, threads));
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        go.countDown();
        try {
            return sent.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }
}
