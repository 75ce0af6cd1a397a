package dev.kreis.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Kreis node of a suite that runs several: the packaged app ({@code app/target/quarkus-app/quarkus-run.jar},
 * system property {@code kreis.app.jar}) as a child JVM on a shared PostgreSQL, in local auth mode with a known
 * admin password. Used by the Kafka suite and the multi-node suite. {@link #kill()} ends it with SIGKILL;
 * {@link #restart()} starts it again on the same port, data directory and settings.
 */
public final class PackagedNode implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    /**
     * What a node is started with.
     *
     * @param name           the node's name, also its directory below {@code workDir}
     * @param port           its HTTP port
     * @param workDir        where its directory (log, data) is made
     * @param dbUrl          the shared PostgreSQL database
     * @param dbUser         its user (trust authentication)
     * @param adminPassword  the bootstrap admin's password
     * @param environment    further {@code KREIS_*} environment variables
     * @param systemProperties further {@code -D} settings
     */
    public record Settings(String name, int port, Path workDir, String dbUrl, String dbUser, String adminPassword,
            Map<String, String> environment, Map<String, String> systemProperties) {
    }

    private PackagedNode(Settings settings) {
        this.settings = settings;
    }

    /** Starts a node and waits until {@code /q/health/ready} answers 200. */
    public static PackagedNode start(Settings settings) throws IOException, InterruptedException {
        PackagedNode node = launch(settings);
        node.awaitReady();
        return node;
    }

    /** Starts a node without waiting; {@link #awaitReady()} waits. For nodes started side by side. */
    public static PackagedNode launch(Settings settings) throws IOException {
        PackagedNode node = new PackagedNode(settings);
        Files.deleteIfExists(node.directory().resolve("app.log"));
        node.launch();
        return node;
    }

    private void launch() throws IOException {
        Path jar = Path.of(System.getProperty("kreis.app.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: suites of packaged nodes run in verify, after package");
        }
        Path dir = directory();
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        settings.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("KREIS_HTTP_PORT", Integer.toString(settings.port()));
        env.put("KREIS_DATA_DIR", dir.resolve("data").toString());
        env.put("KREIS_DB_KIND", "postgresql");
        env.put("KREIS_DB_URL", settings.dbUrl());
        env.put("KREIS_DB_USERNAME", settings.dbUser());
        env.put("KREIS_DB_POOL_SIZE", "8");
        // generous: these suites share a small machine with everything else CI runs
        env.put("KREIS_DB_ACQUISITION_TIMEOUT", "20S");
        env.put("KREIS_DB_CONNECT_TIMEOUT", "20");
        env.put("KREIS_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        env.put("KREIS_AUTH_MODE", "local");
        env.putAll(settings.environment());
        process = builder.start();
    }

    public String name() {
        return settings.name();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + settings.port();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code Authorization} header value of the bootstrap admin (HTTP Basic). */
    public String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + settings.adminPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** The checks of {@code /q/health/ready}, by name. */
    public Map<String, JsonNode> readinessChecks() throws IOException, InterruptedException {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, JsonNode> checks = new LinkedHashMap<>();
        for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
            checks.put(check.path("name").asText(), check);
        }
        return checks;
    }

    /** This node's Prometheus text (admins only). */
    public String metrics() throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics")).header("Authorization", adminAuthorization())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
            throw new AssertionError("/q/metrics answered " + metrics.statusCode());
        }
        return metrics.body();
    }

    /** Everything the node wrote to standard output and error, over all its starts. */
    public String log() {
        try {
            return Files.readString(directory().resolve("app.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last {@code chars} characters of {@link #log()}, for failure messages. */
    public String logTail(int chars) {
        String log = log();
        return log.length() > chars ? log.substring(log.length() - chars) : log;
    }

    /** kill -9: no shutdown hook runs, nothing is committed on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the node again (after {@link #kill()} or {@link #close()}) and waits until it is ready. */
    public void restart() throws IOException, InterruptedException {
        if (alive()) {
            throw new IllegalStateException(name() + " still runs");
        }
        launch();
        awaitReady();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the log's end if the node stops or takes too long. */
    public void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " stopped while starting:\n" + logTail(8000));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
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
        throw new IllegalStateException(name() + " was not ready within " + START_TIMEOUT + ":\n" + logTail(8000));
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private Path directory() {
        return settings.workDir().resolve(settings.name());
    }

    /**
     * Drops and makes anew the database of {@code url} if its name contains {@code marker} (the suite's own database,
     * e.g. {@code kreis_kafka_it}); a database of another name is used as it is. Nodes bootstrap their admin only in a
     * database without accounts, so a database another suite filled first could hold an admin with another password.
     */
    public static void freshDatabase(String url, String user, String marker) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?;].*", "");
        if (!name.contains(marker) || !name.matches("[A-Za-z0-9_]+")) {
            return;
        }
        String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = DriverManager.getConnection(server, user, ""); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
    }
}
