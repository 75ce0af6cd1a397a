package dev.kreis.clients;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The packaged app ({@code app/target/quarkus-app/quarkus-run.jar}) started as an operator would: its own port, a
 * fresh data directory (embedded H2) and a bootstrap admin password. Closing it stops the process.
 */
final class PackagedApp implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String PASSWORD = "generated-clients-scenario-1";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private PackagedApp(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static PackagedApp start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("kreis.app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the app first (mvn -Pclients verify builds it)");
        }
        Path dataDir = Path.of(System.getProperty("kreis.clients.data-dir"));
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int port = Integer.getInteger("kreis.clients.port", 0);
        if (port == 0) {
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
        }
        Path log = dataDir.resolveSibling("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KREIS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("KREIS_DATA_DIR", dataDir.toString());
        builder.environment().put("KREIS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("KREIS_AUTH_MODE", "local");
        PackagedApp app = new PackagedApp(builder.start(), "http://127.0.0.1:" + port, log);
        app.awaitReady();
        return app;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The app's log so far, for failure messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped while starting:\n" + log());
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
        close();
        throw new IllegalStateException("the app was not ready within " + START_TIMEOUT + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
