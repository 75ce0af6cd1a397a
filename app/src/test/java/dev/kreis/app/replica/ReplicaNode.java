package dev.kreis.app.replica;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Kreis node of the read-replica suite: the packaged app ({@code app/target/quarkus-app/quarkus-run.jar}) as a
 * child JVM on the primary (127.0.0.1:5432), reading from the replica, with the given {@code kreis.db.read.*} settings.
 */
final class ReplicaNode implements AutoCloseable {
    static final String ADMIN_PASSWORD = "replica-suite-secret-1";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final String baseUrl;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReplicaNode(String name, Process process, String baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts a node on {@code port}; {@link #awaitReady()} waits for it. */
    static ReplicaNode start(String name, int port, String primaryUrl, String replicaUrl, Map<String, String> read) throws IOException {
        Path jar = Path.of(System.getProperty("kreis.app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the read-replica suite runs in verify, after package (mvn verify -Preplica)");
        }
        Path dir = Path.of(System.getProperty("kreis.test.replica.work-dir"), name);
        Files.createDirectories(dir);
        Path log = dir.resolve("app.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        read.forEach((key, value) -> command.add("-Dkreis.db.read." + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KREIS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("KREIS_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("KREIS_DB_KIND", "postgresql");
        builder.environment().put("KREIS_DB_URL", primaryUrl);
        builder.environment().put("KREIS_DB_READ_URL", replicaUrl);
        builder.environment().put("KREIS_DB_USERNAME", "postgres");
        builder.environment().put("KREIS_DB_POOL_SIZE", "8");
        // generous: the suite shares a small machine with everything else CI runs
        builder.environment().put("KREIS_DB_ACQUISITION_TIMEOUT", "20S");
        builder.environment().put("KREIS_DB_CONNECT_TIMEOUT", "20");
        builder.environment().put("KREIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("KREIS_AUTH_MODE", "local");
        return new ReplicaNode(name, builder.start(), "http://127.0.0.1:" + port, log);
    }

    String name() {
        return name;
    }

    /** Sends a request as {@code user} (HTTP Basic) and answers status and body. */
    HttpResponse<String> send(String method, String path, String user, String password, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The data of this node's {@code read-replica} readiness check. */
    JsonNode replicaHealth() throws IOException, InterruptedException {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
            if (check.path("name").asText().equals("read-replica")) {
                return check;
            }
        }
        throw new AssertionError("no read-replica check in " + ready.body());
    }

    /** How many reads this node ran on the replica ({@code on="replica"}) or the primary, from its metrics. */
    double reads(String on) throws IOException, InterruptedException {
        HttpResponse<String> metrics = send("GET", "/q/metrics", "admin", ADMIN_PASSWORD, null);
        if (metrics.statusCode() != 200) {
            throw new AssertionError("/q/metrics answered " + metrics.statusCode());
        }
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("kreis_db_reads_total{") && line.contains("on=\"" + on + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    void awaitReady() throws InterruptedException {
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
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
