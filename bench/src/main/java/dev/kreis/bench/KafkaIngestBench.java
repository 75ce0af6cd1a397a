package dev.kreis.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Step "kafka" (bench/run.sh --kafka): sends the touchpoints, one per record (the single touchpoint body), to the
 * topic the app consumes ({@code kreis.ingest.kafka.*}) and measures how long until the app has stored them all,
 * read from its {@code kafka-ingest} health data. External ids {@code kafka-j} do not overlap the batch step's.
 * The rate is accepted touchpoints per second from the first record sent to the last one stored.
 */
final class KafkaIngestBench {
    private KafkaIngestBench() {
    }

    static int run(Args args) throws Exception {
        DataSet data = new DataSet(args.seed(), args.integer("customers", 100_000));
        Touchpoints touchpoints = new Touchpoints(data);
        int total = args.integer("touchpoints", 100_000);
        String topic = args.string("topic", "kreis.touchpoints");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.string("bootstrap", "127.0.0.1:19801"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        HttpClient http = HttpClient.newHttpClient();
        long acceptedBefore = accepted(http, args.baseUrl());
        System.err.printf("kafka: %,d touchpoints to %s, one per record%n", total, topic);

        long t0 = System.nanoTime();
        double produceSeconds;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                Progress progress = new Progress("kafka", total)) {
            Random r = DataSet.random(data.seed(), 7, 0);
            for (int j = 0; j < total; j++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(480);
                try (JsonGenerator g = Http.JSON.getFactory().createGenerator(out)) {
                    touchpoints.write(g, r, null, "kafka-" + j, j % 2 == 0);
                }
                producer.send(new ProducerRecord<>(topic, "kafka-" + j, out.toString(StandardCharsets.UTF_8)));
                if (j % 1000 == 999) {
                    progress.add(1000);
                }
            }
            producer.flush();
            produceSeconds = (System.nanoTime() - t0) / 1e9;
        }
        long stored = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long lastChange = System.nanoTime();
        while (stored < total && System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = accepted(http, args.baseUrl()) - acceptedBefore;
            if (now != stored) {
                lastChange = System.nanoTime();
                stored = now;
            } else if (System.nanoTime() - lastChange > Duration.ofMinutes(2).toNanos()) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kafka_touchpoints", total);
        f.put("kafka_touchpoints_accepted", stored);
        f.put("kafka_produce_seconds", Results.round(produceSeconds, 2));
        f.put("ingest_kafka_seconds", Results.round(seconds, 2));
        f.put("ingest_kafka_per_s", Results.round(stored / seconds, 1));
        Fragment.write(args.workDir(), "kafka", f);
        System.err.printf("kafka: %,d of %,d stored in %.1f s (%,.0f/s; producing took %.1f s)%n", stored, total, seconds, stored / seconds,
                produceSeconds);
        return stored == total ? 0 : 2;
    }

    /** Touchpoints the app stored from Kafka so far (its kafka-ingest health data). */
    private static long accepted(HttpClient http, String baseUrl) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode check : Http.JSON.readTree(body).path("checks")) {
            if (check.path("name").asText().equals("kafka-ingest")) {
                return check.path("data").path("accepted").asLong(0);
            }
        }
        throw new IllegalStateException("the app reports no kafka-ingest check: is kreis.ingest.kafka.enabled set?");
    }
}
