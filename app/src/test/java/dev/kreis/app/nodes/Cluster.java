package dev.kreis.app.nodes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.kreis.app.PackagedNode;

/**
 * Two packaged Kreis nodes ({@code node-a}, {@code node-b}) on one PostgreSQL database behind the HAProxy that the
 * "nodes" Maven profile started (app/src/test/nodes/haproxy.sh), shared by every test class of the suite. The first
 * {@link #up()} makes the database anew and starts the nodes; every {@link #up()} starts again a node a test killed,
 * so no test depends on another having run before it. The nodes share what docs/scale-out.md says nodes must share:
 * the database, the session cookie key and the import directory.
 */
final class Cluster {
    static final Duration WAIT = Duration.ofMinutes(3);
    private static final String ADMIN_PASSWORD = "nodes-suite-secret-1";
    private static final String SESSION_KEY = "nodes-suite-session-key-" + UUID.randomUUID();
    private static Cluster instance;

    final PackagedNode a;
    final PackagedNode b;
    private final String lbUrl = System.getProperty("kreis.test.nodes.lb-url", "http://127.0.0.1:19600");
    private final String statsUrl = System.getProperty("kreis.test.nodes.stats-url", "http://127.0.0.1:19601/stats;csv");
    private final String dbUrl = System.getProperty("kreis.test.nodes.db-url", "jdbc:postgresql://127.0.0.1:5432/kreis_nodes_it");
    private final String dbUser = System.getProperty("kreis.test.nodes.db-user", "postgres");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private Cluster() throws Exception {
        PackagedNode.freshDatabase(dbUrl, dbUser, "nodes");
        Path workDir = Path.of(System.getProperty("kreis.test.nodes.work-dir", "target/nodes"));
        Path imports = workDir.resolve("shared-imports");
        Files.createDirectories(imports);
        String[] ports = System.getProperty("kreis.test.nodes.node-ports", "19611,19612").split(",");
        Map<String, String> shared = Map.of(
                "KREIS_SESSION_ENCRYPTION_KEY", SESSION_KEY,
                "KREIS_IMPORTS_DIRECTORY", imports.toString(),
                "KREIS_PUBLIC_BASE_URL", lbUrl,
                // client addresses (for the per-address limits) from HAProxy's X-Forwarded-For
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true",
                "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1",
                // small chunks with a pause, so an import lasts several of the other node's polls
                "KREIS_IMPORTS_CHUNK_SIZE", "50",
                "KREIS_IMPORTS_PAUSE_BETWEEN_CHUNKS", "PT0.2S");
        // one after the other: the first migrates the fresh database and bootstraps the admin
        a = PackagedNode.start(settings("node-a", ports[0], workDir, shared));
        b = PackagedNode.start(settings("node-b", ports[1], workDir, shared));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "nodes-suite-stop"));
    }

    private PackagedNode.Settings settings(String name, String port, Path workDir, Map<String, String> shared) {
        return new PackagedNode.Settings(name, Integer.parseInt(port.trim()), workDir, dbUrl, dbUser, ADMIN_PASSWORD, shared, Map.of());
    }

    /** The suite's two nodes, both running and both in the load balancer's rotation. */
    static synchronized Cluster up() throws Exception {
        if (instance == null) {
            instance = new Cluster();
        }
        for (PackagedNode node : instance.nodes()) {
            if (!node.alive()) {
                node.restart();
            }
        }
        for (PackagedNode node : instance.nodes()) {
            instance.awaitServer(node.name(), "UP");
        }
        return instance;
    }

    List<PackagedNode> nodes() {
        return List.of(a, b);
    }

    /** The API through the load balancer. */
    Api lb() {
        return new Api(lbUrl, a.adminAuthorization());
    }

    /** The API of one node, asked directly. */
    Api on(PackagedNode node) {
        return new Api(node.baseUrl(), node.adminAuthorization());
    }

    /** Each node's state in HAProxy's eyes ({@code UP}, {@code DOWN}, {@code UP 1/2} while going down, ...), from its stats CSV. */
    Map<String, String> serverStates() {
        try {
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(statsUrl)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String[] lines = stats.body().split("\n");
            List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(","));
            int proxy = header.indexOf("pxname");
            int server = header.indexOf("svname");
            int status = header.indexOf("status");
            Map<String, String> states = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                if (cells.length > status && cells[proxy].equals("kreis_nodes") && cells[server].startsWith("node-")) {
                    states.put(cells[server], cells[status]);
                }
            }
            return states;
        } catch (IOException e) {
            throw new IllegalStateException("HAProxy's stats page " + statsUrl + " does not answer; was the suite started with -Pnodes?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until HAProxy reports {@code server} in {@code state} (UP: rotating; DOWN: out of the rotation). */
    void awaitServer(String server, String state) throws InterruptedException {
        await(() -> state.equals(serverStates().get(server)), "HAProxy reports " + server + " " + state + " (now: " + serverStates() + ")");
    }

    /** A number the database answers, e.g. {@code count(*)}; parameters bound in order. */
    long count(String sql, Object... parameters) {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, ""); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row the database answers. */
    List<String> strings(String sql, Object... parameters) {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, ""); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most {@link #WAIT}) until the condition holds; fails naming it, with the end of both nodes' logs. */
    void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + WAIT + ": " + what + "\n--- node-a ---\n" + a.logTail(4000) + "\n--- node-b ---\n"
                        + b.logTail(4000));
            }
            Thread.sleep(200);
        }
    }

    /** A short id of the caller's own, for sources, e-mails and module ids. */
    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private void stop() {
        for (PackagedNode node : List.of(a, b)) {
            try {
                node.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
