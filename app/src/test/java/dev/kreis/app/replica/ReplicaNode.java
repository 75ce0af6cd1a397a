package dev.kreis.app.replica;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.app.PackagedNode;

/**
 * One Kreis node of the read-replica suite: a {@link PackagedNode} on the primary (127.0.0.1:5432), reading from the
 * replica, with the given {@code kreis.db.read.*} settings.
 */
final class ReplicaNode implements AutoCloseable {
    static final String ADMIN_PASSWORD = "replica-suite-secret-1";

    private final PackagedNode node;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private ReplicaNode(PackagedNode node) {
        this.node = node;
    }

    /** Starts a node on {@code port}; {@link #awaitReady()} waits for it. */
    static ReplicaNode start(String name, int port, String primaryUrl, String replicaUrl, Map<String, String> read) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        read.forEach((key, value) -> properties.put("kreis.db.read." + key, value));
        return new ReplicaNode(PackagedNode.launch(new PackagedNode.Settings(name, port, Path.of(System.getProperty("kreis.test.replica.work-dir")),
                primaryUrl, "postgres", ADMIN_PASSWORD, Map.of("KREIS_DB_READ_URL", replicaUrl), properties)));
    }

    String name() {
        return node.name();
    }

    /** Sends a request as {@code user} (HTTP Basic) and answers status and body. */
    HttpResponse<String> send(String method, String path, String user, String password, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(60))
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
        JsonNode check = node.readinessChecks().get("read-replica");
        if (check == null) {
            throw new AssertionError("no read-replica check on " + node.name());
        }
        return check;
    }

    /** How many reads this node ran on the replica ({@code on="replica"}) or the primary, from its metrics. */
    double reads(String on) throws IOException, InterruptedException {
        for (String line : node.metrics().split("\n")) {
            if (line.startsWith("kreis_db_reads_total{") && line.contains("on=\"" + on + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    String log() {
        return node.log();
    }

    void awaitReady() throws InterruptedException {
        node.awaitReady();
    }

    @Override
    public void close() throws InterruptedException {
        node.close();
    }
}
