package dev.kreis.app.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.app.PackagedNode;

/**
 * Kafka in front of ingestion, against a real Apache Kafka broker (KRaft, started by the "kafka" Maven profile,
 * app/src/test/kafka/kafka.sh) and two packaged Kreis nodes on one PostgreSQL, consuming as one group. Each run
 * uses topics, a group and sources of its own. The node kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaIngestIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TOUCHPOINTS = "it-" + RUN + ".touchpoints";
    private static final String PROFILES = "it-" + RUN + ".profiles";
    private static final String DEAD_LETTER = "it-" + RUN + ".dead-letter";
    private static final int PARTITIONS = 4;
    private static final String ADMIN_PASSWORD = "kafka-suite-secret-1";

    private static KafkaProducer<String, String> producer;
    private static PackagedNode first;
    private static PackagedNode second;
    private static Connection db;

    @BeforeAll
    static void startNodes() throws Exception {
        String dbUrl = System.getProperty("kreis.test.kafka.db-url");
        String dbUser = System.getProperty("kreis.test.kafka.db-user", "postgres");
        // the nodes bootstrap their own admin, which only happens in a database without one: kreis_kafka_it is made anew
        PackagedNode.freshDatabase(dbUrl, dbUser, "kafka");
        String bootstrap = System.getProperty("kreis.test.kafka.bootstrap");
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOUCHPOINTS, PARTITIONS, (short) 1), new NewTopic(PROFILES, PARTITIONS, (short) 1),
                    new NewTopic(DEAD_LETTER, 1, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        db = DriverManager.getConnection(dbUrl, dbUser, "");
        Map<String, String> kafka = new HashMap<>();
        kafka.put("kreis.ingest.kafka.enabled", "true");
        kafka.put("kreis.ingest.kafka.bootstrap-servers", bootstrap);
        kafka.put("kreis.ingest.kafka.touchpoints-topic", TOUCHPOINTS);
        kafka.put("kreis.ingest.kafka.profiles-topic", PROFILES);
        kafka.put("kreis.ingest.kafka.dead-letter-topic", DEAD_LETTER);
        kafka.put("kreis.ingest.kafka.group-id", "it-" + RUN);
        kafka.put("kreis.ingest.kafka.max-poll-records", "200");
        kafka.put("kreis.ingest.kafka.max-in-flight", "400");
        String[] ports = System.getProperty("kreis.test.kafka.node-ports", "19811,19812").split(",");
        Path workDir = Path.of(System.getProperty("kreis.test.kafka.work-dir"));
        first = PackagedNode.start(new PackagedNode.Settings("node-a", Integer.parseInt(ports[0].trim()), workDir, dbUrl, dbUser, ADMIN_PASSWORD,
                Map.of(), kafka));
        second = PackagedNode.start(new PackagedNode.Settings("node-b", Integer.parseInt(ports[1].trim()), workDir, dbUrl, dbUser, ADMIN_PASSWORD,
                Map.of(), kafka));
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (PackagedNode node : new PackagedNode[] { first, second }) {
            if (node != null) {
                node.close();
            }
        }
        if (producer != null) {
            producer.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void touchpointsSentAsSingleBodiesAndBatchBodiesAreStoredWithTheirCustomer() throws Exception {
        String source = "kafka-it-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 40; i++) {
            send(TOUCHPOINTS, "c" + i, touchpoint(source, "tp-" + i, "person" + i + "@kafka.example"));
        }
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("items").add(touchpoint(source, "tp-b0", "batch@kafka.example")).add(touchpoint(source, "tp-b1", "batch@kafka.example"));
        send(TOUCHPOINTS, "batch", batch);
        producer.flush();

        await(() -> count("select count(*) from touchpoint where source = ?", source) == 42, "42 touchpoints stored");
        assertEquals(41, count("select count(distinct p.customer_id) from touchpoint t join profile p on p.id = t.profile_id where t.source = ?", source),
                "each e-mail resolved to one customer; the batch's two touchpoints share theirs");
    }

    @Test
    @Order(2)
    void aRecordSentAgainIsStoredOnce() throws Exception {
        String source = "kafka-it-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = touchpoint(source, "twice", "twice@kafka.example");
        for (int i = 0; i < 3; i++) {
            send(TOUCHPOINTS, "same-key", body);
        }
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("items").add(body).add(touchpoint(source, "after", "twice@kafka.example"));
        send(TOUCHPOINTS, "same-key", batch);
        producer.flush();

        // the same key keeps the records in one partition, in order: once "after" is stored, every copy was consumed
        await(() -> count("select count(*) from touchpoint where source = ? and external_id = 'after'", source) == 1, "the last record stored");
        assertEquals(1, count("select count(*) from touchpoint where source = ? and external_id = 'twice'", source));
    }

    @Test
    @Order(3)
    void rejectedRecordsGoToTheDeadLetterTopicWithTheirProblemAndTheRestIsStored() throws Exception {
        String source = "kafka-it-" + UUID.randomUUID().toString().substring(0, 8);
        send(TOUCHPOINTS, source + "-a", "this is not JSON");
        ObjectNode noType = touchpoint(source, "no-type", "poison@kafka.example");
        noType.remove("type");
        send(TOUCHPOINTS, source + "-b", noType);
        ObjectNode future = touchpoint(source, "future", "poison@kafka.example");
        future.put("occurredAt", "2999-01-01T00:00:00Z");
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("items").add(touchpoint(source, "good", "poison@kafka.example")).add(future);
        send(TOUCHPOINTS, source + "-c", batch);
        producer.flush();

        List<JsonNode> dead = deadLetters(source, 3);
        JsonNode notJson = find(dead, source + "-a");
        assertEquals(400, notJson.path("problem").path("status").asInt());
        assertEquals("body", notJson.path("problem").path("errors").get(0).path("field").asText());
        assertEquals("this is not JSON", notJson.path("record").asText());
        JsonNode missing = find(dead, source + "-b");
        assertEquals(422, missing.path("problem").path("status").asInt());
        assertEquals("https://kreis.dev/problems/invalid-input", missing.path("problem").path("type").asText());
        assertEquals("type", missing.path("problem").path("errors").get(0).path("field").asText());
        assertEquals(TOUCHPOINTS, missing.path("topic").asText());
        assertTrue(missing.has("offset") && missing.has("partition"));
        JsonNode item = find(dead, source + "-c");
        assertEquals(1, item.path("item").asInt(), "the rejected item of the batch, by its position");
        assertEquals("items[1].occurredAt", item.path("problem").path("errors").get(0).path("field").asText());
        assertEquals("future", JSON.readTree(item.path("record").asText()).path("externalId").asText());

        await(() -> count("select count(*) from touchpoint where source = ? and external_id = 'good'", source) == 1, "the valid item stored");
        assertEquals(1, count("select count(*) from touchpoint where source = ?", source), "nothing of the rejected records stored");
    }

    @Test
    @Order(4)
    void profilesSentToTheProfilesTopicAreResolvedIntoCustomers() throws Exception {
        String source = "kafka-it-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode profile = JSON.createObjectNode();
        profile.put("source", source);
        profile.put("externalId", "p-1");
        profile.put("kind", "person");
        profile.putObject("attributes").put("firstName", "Kafka");
        profile.putArray("identifiers").addObject().put("type", "email").put("value", "profile@" + source + ".example");
        send(PROFILES, "p-1", profile);
        send(PROFILES, "p-1", profile);
        ObjectNode bad = profile.deepCopy();
        bad.put("externalId", "p-2");
        bad.put("kind", "robot");
        send(PROFILES, "p-2", bad);
        producer.flush();

        await(() -> count("select count(*) from profile where source = ?", source) == 1, "the profile stored once");
        JsonNode dead = find(deadLetters(source, 1), "p-2");
        assertEquals(PROFILES, dead.path("topic").asText());
        assertEquals(422, dead.path("problem").path("status").asInt());
    }

    @Test
    @Order(5)
    void twoNodesShareThePartitionsAndReportNoLagOnceCaughtUp() throws Exception {
        await(() -> partitions(first) > 0 && partitions(second) > 0 && partitions(first) + partitions(second) == 2 * PARTITIONS,
                "both nodes hold partitions, all " + 2 * PARTITIONS + " between them");
        await(() -> lag(first) == 0 && lag(second) == 0, "no lag on either node");
        assertTrue(first.metrics().contains("kreis_ingest_kafka_lag"), "the lag gauge is exported");
    }

    @Test
    @Order(6)
    void aNodeKilledMidStreamLosesAndDoublesNothing() throws Exception {
        String source = "kafka-it-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 3000;
        Thread sender = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                send(TOUCHPOINTS, "k" + i, touchpoint(source, "kill-" + i, "kill" + (i % 300) + "@kafka.example"));
                if (i % 100 == 99) {
                    producer.flush();
                    sleep(100);
                }
            }
            producer.flush();
        });
        sender.start();
        await(() -> count("select count(*) from touchpoint where source = ?", source) >= total / 5, "a fifth stored");
        assertTrue(count("select count(*) from touchpoint where source = ?", source) < total, "killed mid-stream, not after");
        first.kill();
        sender.join();

        await(() -> count("select count(*) from touchpoint where source = ?", source) == total, "every record stored by the surviving node");
        assertEquals(total, count("select count(distinct external_id) from touchpoint where source = ?", source));
        assertEquals(300, count("select count(distinct p.customer_id) from touchpoint t join profile p on p.id = t.profile_id where t.source = ?", source), "one customer per e-mail");
        await(() -> partitions(second) == 2 * PARTITIONS, "the surviving node took over every partition");
        await(() -> lag(second) == 0, "and caught up");
        assertEquals(total, count("select count(*) from touchpoint where source = ?", source), "nothing doubled after catching up");
    }

    private static ObjectNode touchpoint(String source, String externalId, String email) {
        ObjectNode body = JSON.createObjectNode();
        body.put("source", source);
        body.put("externalId", externalId);
        body.put("type", "core.interaction");
        body.put("occurredAt", "2025-03-01T10:00:00Z");
        body.putObject("customer").putArray("identifiers").addObject().put("type", "email").put("value", email);
        return body;
    }

    private static void send(String topic, String key, Object value) {
        producer.send(new ProducerRecord<>(topic, key, value instanceof String text ? text : value.toString()));
    }

    private static long count(String sql, String source) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, source);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int partitions(PackagedNode node) {
        try {
            return kafkaHealth(node).path("data").path("partitions").asInt(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static long lag(PackagedNode node) {
        try {
            return kafkaHealth(node).path("data").path("lag").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The data of the node's {@code kafka-ingest} readiness check. */
    private static JsonNode kafkaHealth(PackagedNode node) throws Exception {
        JsonNode check = node.readinessChecks().get("kafka-ingest");
        if (check == null) {
            throw new AssertionError("no kafka-ingest check on " + node.name());
        }
        return check;
    }

    /** The dead-letter entries whose key starts with {@code prefix} (the test's own), at least {@code expected} of them. */
    private static List<JsonNode> deadLetters(String prefix, int expected) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kreis.test.kafka.bootstrap"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTER));
            Instant deadline = Instant.now().plus(WAIT);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value = JSON.readTree(record.value());
                    if ((record.key() != null && record.key().startsWith(prefix)) || value.path("record").asText().contains(prefix)) {
                        ((ObjectNode) value).put("key", record.key());
                        found.add(value);
                    }
                }
            }
        }
        assertTrue(found.size() >= expected, "expected " + expected + " dead letters for " + prefix + ", found " + found);
        return found;
    }

    private static JsonNode find(List<JsonNode> dead, String key) {
        return dead.stream().filter(d -> key.equals(d.path("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter with key " + key + " in " + dead));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + WAIT + ": " + what + "\n--- node-a ---\n" + tail(first) + "\n--- node-b ---\n" + tail(second));
            }
            Thread.sleep(250);
        }
    }

    private static String tail(PackagedNode node) {
        if (node == null) {
            return "(not started)";
        }
        return node.logTail(4000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
