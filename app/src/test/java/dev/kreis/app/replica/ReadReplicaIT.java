package dev.kreis.app.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The read replica (docs/postgresql.md#read-replica) against a real PostgreSQL streaming replica: a second local
 * cluster made from the primary with pg_basebackup (app/src/test/replica/replica.sh, started by the "replica" Maven
 * profile) and two packaged Kreis nodes on the primary that read from it. That a read was served by the replica is
 * shown by pausing the replica's replay ({@code pg_wal_replay_pause()}): the replica then still holds the state before
 * a write the primary already has. The test that stops the replica comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Other suites write to the same primary: after a pause the replica may take minutes to replay their WAL. */
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final String PASSWORD = "replica-suite-user-1";
    /** Long enough for a loaded machine to write and read back within it; the test that it ends waits it out. */
    private static final String PRIMARY_AFTER_WRITE = "20S";

    /** Reads from the replica however far it falls behind while its replay is paused. */
    private static ReplicaNode patient;
    /** Reads from the primary once the replica is 2 s behind. */
    private static ReplicaNode strict;
    private static String writer;
    private static String reader;
    private static String replicaUrl;

    @BeforeAll
    static void startNodes() throws Exception {
        String db = System.getProperty("kreis.test.replica.db", "kreis_replica_it");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + db + " with (force)");
            statement.execute("create database " + db);
        }
        String primaryUrl = "jdbc:postgresql://127.0.0.1:5432/" + db;
        replicaUrl = "jdbc:postgresql://127.0.0.1:" + System.getProperty("kreis.test.replica.port", "5442") + "/" + db;
        String[] ports = System.getProperty("kreis.test.replica.node-ports", "19501,19502").split(",");
        // the two nodes migrate the same database: the first alone, then the second
        patient = ReplicaNode.start("patient", Integer.parseInt(ports[0].trim()), primaryUrl, replicaUrl,
                Map.of("max-lag", "10M", "primary-after-write", PRIMARY_AFTER_WRITE, "check-interval", "0.2S"));
        patient.awaitReady();
        strict = ReplicaNode.start("strict", Integer.parseInt(ports[1].trim()), primaryUrl, replicaUrl,
                Map.of("max-lag", "2S", "primary-after-write", PRIMARY_AFTER_WRITE, "check-interval", "0.2S"));
        strict.awaitReady();
        writer = user(patient, "writer");
        reader = user(patient, "reader");
        for (ReplicaNode node : List.of(patient, strict)) {
            await(() -> "serving".equals(node.replicaHealth().path("data").path("state").asText()), node.name() + "'s replica serving");
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (ReplicaNode node : new ReplicaNode[] { patient, strict }) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void anotherCallerReadsTheReplicasStateWhileTheWriterReadsItsOwnWritesFromThePrimary() throws Exception {
        Replayed customer = Replayed.by(patient);
        double replicaReadsBefore = patient.reads("replica");
        pauseReplay();
        try {
            customer.again(patient, writer);
            String newcomer = customer.source() + "-new@replica.example";
            ingest(patient, writer, customer.source(), "newcomer", newcomer);

            assertEquals(2, timeline(patient, writer, customer.id()).size(), "the writer reads its own write, from the primary");
            assertEquals(1, search(patient, writer, newcomer).size(), "the writer finds the customer it just made");
            assertEquals(1, timeline(patient, reader, customer.id()).size(), "another caller reads the replica, paused before the write");
            assertEquals(0, search(patient, reader, newcomer).size(), "the replica has no such customer yet");
            assertTrue(patient.reads("replica") >= replicaReadsBefore + 2, "the reader's reads ran on the replica");

            // once primary-after-write has passed, the writer's reads go to the replica as well
            await(() -> timeline(patient, writer, customer.id()).size() == 1, "the writer reading the replica after " + PRIMARY_AFTER_WRITE);
        } finally {
            resumeReplay();
        }
        await(() -> timeline(patient, reader, customer.id()).size() == 2, "the replica replaying the write");
        assertEquals(1, search(patient, reader, customer.source() + "-new@replica.example").size());
    }

    @Test
    @Order(2)
    void readsGoToThePrimaryWhileTheReplicaIsFurtherBehindThanTheMaximumLag() throws Exception {
        Replayed customer = Replayed.by(strict);
        pauseReplay();
        try {
            customer.again(strict, writer);
            await(() -> "lagging".equals(strict.replicaHealth().path("data").path("state").asText()), "the strict node seeing the lag");
            JsonNode health = strict.replicaHealth();
            assertEquals("UP", health.path("status").asText(), "a lagging replica keeps the node ready");
            assertEquals("primary", health.path("data").path("readsGoTo").asText());

            assertEquals(2, timeline(strict, reader, customer.id()).size(), "another caller reads the primary while the replica lags");
        } finally {
            resumeReplay();
        }
    }

    @Test
    @Order(3)
    void aCallerWhoWroteThroughOneNodeReadsThatWriteThroughTheOther() throws Exception {
        String traveller = user(patient, "traveller");
        Replayed customer = Replayed.by(patient);
        pauseReplay();
        try {
            customer.again(strict, traveller);

            assertEquals(2, timeline(patient, traveller, customer.id()).size(), "the write made through one node, read through the other");
            assertEquals(1, timeline(patient, reader, customer.id()).size(), "another caller reads the paused replica on that node");
        } finally {
            resumeReplay();
        }
    }

    @Test
    @Order(4)
    void readsGoToThePrimaryWhileTheReplicaIsDownAndBackToItWhenItReturns() throws Exception {
        Replayed customer = Replayed.by(patient);
        replicaScript("stop");
        try {
            assertEquals(200, patient.send("GET", "/api/v1/customers/" + customer.id() + "/timeline", reader, PASSWORD, null).statusCode(),
                    "a read while the replica is away is answered");
            customer.again(patient, writer);
            assertEquals(2, timeline(patient, reader, customer.id()).size(), "another caller reads the primary, with the write the replica missed");
            JsonNode health = patient.replicaHealth();
            assertEquals("UP", health.path("status").asText());
            assertEquals("unreachable", health.path("data").path("state").asText());
        } finally {
            replicaScript("resume");
        }
        await(() -> "serving".equals(patient.replicaHealth().path("data").path("state").asText()), "the replica serving again");
        awaitOnReplica(customer.source(), 2);
        double replicaReads = patient.reads("replica");
        assertEquals(2, timeline(patient, reader, customer.id()).size(), "the returned replica caught up with the primary");
        assertTrue(patient.reads("replica") > replicaReads, "and serves the reader again");
    }

    /** A new customer with one touchpoint, ingested by the writer and already replayed by the replica. */
    private record Replayed(String source, String email, UUID id) {
        static Replayed by(ReplicaNode node) throws Exception {
            String source = "replica-it-" + UUID.randomUUID().toString().substring(0, 8);
            String email = source + "@replica.example";
            UUID id = ingest(node, writer, source, "first", email);
            awaitOnReplica(source, 1);
            return new Replayed(source, email, id);
        }

        /** Another touchpoint of the customer, ingested by {@code user} through {@code node}. */
        void again(ReplicaNode node, String user) throws Exception {
            ingest(node, user, source, "second", email);
        }
    }

    private static String user(ReplicaNode node, String role) throws Exception {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", PASSWORD);
        body.putArray("roles").add("admin");
        HttpResponse<String> created = node.send("POST", "/api/v1/users", "admin", ReplicaNode.ADMIN_PASSWORD, body.toString());
        assertEquals(201, created.statusCode(), created.body());
        return username;
    }

    private static UUID ingest(ReplicaNode node, String user, String source, String externalId, String email) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("source", source).put("externalId", externalId).put("type", "core.interaction")
                .put("occurredAt", "2025-03-01T10:00:00Z");
        body.putObject("customer").putArray("identifiers").addObject().put("type", "email").put("value", email);
        HttpResponse<String> answer = node.send("POST", "/api/v1/touchpoints", user, PASSWORD, body.toString());
        assertEquals(201, answer.statusCode(), answer.body());
        return UUID.fromString(JSON.readTree(answer.body()).path("customerId").asText());
    }

    private static JsonNode timeline(ReplicaNode node, String user, UUID customer) throws Exception {
        HttpResponse<String> answer = node.send("GET", "/api/v1/customers/" + customer + "/timeline", user, PASSWORD, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("items");
    }

    private static JsonNode search(ReplicaNode node, String user, String q) throws Exception {
        HttpResponse<String> answer = node.send("GET", "/api/v1/customers?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                user, PASSWORD, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("items");
    }

    private static void awaitOnReplica(String source, int touchpoints) throws Exception {
        await(() -> {
            try (Connection replica = DriverManager.getConnection(replicaUrl, "postgres", "");
                    PreparedStatement count = replica.prepareStatement("select count(*) from touchpoint where source = ?")) {
                count.setString(1, source);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1) == touchpoints;
                }
            }
        }, touchpoints + " touchpoints of " + source + " on the replica");
    }

    private static void pauseReplay() throws SQLException {
        replicaSql("select pg_wal_replay_pause()");
    }

    private static void resumeReplay() throws SQLException {
        replicaSql("select pg_wal_replay_resume()");
    }

    private static void replicaSql(String sql) throws SQLException {
        try (Connection replica = DriverManager.getConnection(replicaUrl, "postgres", ""); Statement statement = replica.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void replicaScript(String command) throws Exception {
        ProcessBuilder script = new ProcessBuilder("bash", System.getProperty("kreis.test.replica.script"), command).inheritIO();
        script.environment().put("REPLICA_HOME", System.getProperty("kreis.test.replica.home"));
        script.environment().put("REPLICA_PORT", System.getProperty("kreis.test.replica.port", "5442"));
        assertEquals(0, script.start().waitFor(), "replica.sh " + command);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + WAIT + " for " + what);
            }
            Thread.sleep(200);
        }
    }
}
