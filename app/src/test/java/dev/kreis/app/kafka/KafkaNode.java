package dev.kreis.app.kafka;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Kreis node for the Kafka suite: the packaged app ({@code app/target/quarkus-app/quarkus-run.jar}) as a child
 * JVM on the shared PostgreSQL, consuming the suite's topics. {@link #kill()} ends it with SIGKILL.
 */
final class KafkaNode implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "kafka-suite-secret-1";

    private final String name;
    private final Process process;
    private final String baseUrl;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KafkaNode(String name, Process process, String baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts a node on {@code port} with the given {@code kreis.ingest.kafka.*} settings and waits until it is ready. */
    static KafkaNode start(String name, int port, Map<String, String> kafka) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("kreis.app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the Kafka suite runs in verify, after package (mvn verify -Pkafka)");
        }
        Path dir = Path.of(System.getProperty("kreis.test.kafka.work-dir"), name);
        Files.createDirectories(dir);
        Path log = dir.resolve("app.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        kafka.forEach((key, value) -> command.add("-Dkreis.ingest.kafka." + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KREIS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("KREIS_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("KREIS_DB_KIND", "postgresql");
        builder.environment().put("KREIS_DB_URL", System.getProperty("kreis.test.kafka.db-url"));
        builder.environment().put("KREIS_DB_USERNAME", System.getProperty("kreis.test.kafka.db-user", "postgres"));
        builder.environment().put("KREIS_DB_POOL_SIZE", "8");
        // generous: the suite shares a small machine with everything else CI runs
        builder.environment().put("KREIS_DB_ACQUISITION_TIMEOUT", "20S");
        builder.environment().put("KREIS_DB_CONNECT_TIMEOUT", "20");
        builder.environment().put("KREIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("KREIS_AUTH_MODE", "local");
        KafkaNode node = new KafkaNode(name, builder.start(), "http://127.0.0.1:" + port, log);
        node.awaitReady();
        return node;
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The data of this node's {@code kafka-ingest} readiness check. */
    JsonNode kafkaHealth() throws IOException, InterruptedException {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
            if (check.path("name").asText().equals("kafka-ingest")) {
                return check;
            }
        }
        throw new AssertionError("no kafka-ingest check in " + ready.body());
    }

    /** This node's Prometheus text (admins only), for the lag gauge. */
    String metrics() throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
            throw new AssertionError("/q/metrics answered " + metrics.statusCode());
        }
        return metrics.body();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** kill -9: no shutdown hook runs, nothing is committed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting:\n" + log());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        kill();
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
