package dev.kreis.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL server of the test's own (initdb into a temporary directory, pg_ctl on a free port), so a
 * test can stop and restart the database under the running application. Needs the PostgreSQL binaries
 * under {@code /usr/lib/postgresql/<version>/bin} (or {@code KREIS_TEST_PG_BIN}); without them
 * {@link #available()} is false and the test skips itself, saying why. As root the server runs as the
 * {@code postgres} user (initdb refuses root).
 */
public class OwnPostgres implements QuarkusTestResourceLifecycleManager {
    private static Path bin;
    private static Path dir;
    private static int port;
    private static String previousKind;

    /** Whether the binaries were found and the server started. */
    public static boolean available() {
        return dir != null;
    }

    /** Why the test skips when {@link #available()} is false. */
    public static String absence() {
        return "PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or KREIS_TEST_PG_BIN";
    }

    @Override
    public Map<String, String> start() {
        Optional<Path> found = binaries();
        if (found.isEmpty()) {
            return Map.of();
        }
        try {
            bin = found.get();
            dir = Files.createTempDirectory("kreis-own-pg");
            if (asRoot()) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            port = freePort();
            run(command("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"));
            startServer();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start the test's own PostgreSQL", e);
        }
        previousKind = System.getProperty("kreis.db.kind");
        System.setProperty("kreis.db.kind", "postgresql");
        return Map.of("quarkus.datasource.postgresql.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.postgresql.username", "postgres", "quarkus.datasource.postgresql.password", "");
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        try {
            stopServer();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not stop the test's own PostgreSQL", e);
        } finally {
            if (previousKind == null) {
                System.clearProperty("kreis.db.kind");
            } else {
                System.setProperty("kreis.db.kind", previousKind);
            }
            dir = null;
        }
    }

    /** Starts the server (again) and waits until it accepts connections. */
    public static void startServer() throws IOException, InterruptedException {
        run(command("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Stops the server at once, as a crash or a network cut would look to the application. */
    public static void stopServer() throws IOException, InterruptedException {
        run(command("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("KREIS_TEST_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "pg_ctl"))) {
            return Optional.of(Path.of(configured));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
