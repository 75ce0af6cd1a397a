package dev.kreis.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step "single": 16 clients each POST one touchpoint at a time to {@code POST /api/v1/touchpoints}
 * for a fixed duration, customers named by email, externalIds unique per run, each occurring within
 * the minute before it is sent (live events; the batch step is the historical import). A warm-up window
 * (default 40 s) runs first with the same load and is not counted, so the figure is the app's
 * steady state rather than its JIT compilation of a code path no earlier step exercised. The load comes
 * from wrk ({@code --client wrk}, the default where {@code /usr/bin/wrk} exists): 16 keep-alive connections
 * on 2 event-loop threads, as {@code pgbench -c 16 -j 2} drives the baseline; or ({@code --client java})
 * from 16 threads of this JVM, each with its own keep-alive connection through {@link LeanHttp}, which
 * leave the app less of the same cores (the HTTP floor measured with them is a half to two thirds of wrk's).
 */
final class SingleIngest {
    private SingleIngest() {
    }

    static int run(Args args) throws Exception {
        String client = args.string("client", Wrk.available() ? "wrk" : "java");
        Load load = new Load(new Touchpoints(new DataSet(args.seed(), args.integer("customers", 100_000))), args.integer("clients", 16),
                args.integer("seconds", 30), args.integer("warmup-seconds", 40));
        return switch (client) {
            case "wrk" -> runWrk(args, load);
            case "java" -> runJava(args, load);
            default -> throw new IllegalArgumentException("--client must be wrk or java, not " + client);
        };
    }

    /** What both load generators send: the touchpoints, from how many clients, for how long after how long a warm-up. */
    private record Load(Touchpoints touchpoints, int clients, int seconds, int warmupSeconds) {
    }

    /**
     * The load from wrk ({@link Wrk}): a warm-up run, then the measured one, each request a touchpoint from a set of
     * pre-generated bodies with its own externalId. What was accepted is counted in the database afterwards: every
     * answered request must have stored exactly one touchpoint (a duplicate or a lost write is an error).
     */
    private static int runWrk(Args args, Load load) throws Exception {
        int clients = load.clients();
        int seconds = load.seconds();
        int warmupSeconds = load.warmupSeconds();
        String run = "single-" + Long.toString(System.currentTimeMillis(), 36);
        Path bodies = args.workDir().resolve("single-bodies.lua");
        writeBodies(load.touchpoints(), DataSet.random(args.seed(), 3, 0), args.integer("wrk-bodies", 20_000), bodies);
        Map<String, String> env = Map.of("KREIS_WRK_BODIES", bodies.toString());

        System.err.printf("single: wrk, %d connections on 2 threads for %d s after %d s of warm-up%n", clients, seconds, warmupSeconds);
        Wrk.Summary warm = Wrk.run(args, "single.lua", "/api/v1/touchpoints", 2, clients, warmupSeconds, env, run + "-w");
        Wrk.Summary measured = Wrk.run(args, "single.lua", "/api/v1/touchpoints", 2, clients, seconds, env, run + "-m");
        Thread.sleep(1_000); // requests wrk left unanswered at its deadline may still be committing
        long stored = stored(args, run + "-m-");
        long answered = measured.requests() - measured.errorsStatus();
        FirstErrors errors = new FirstErrors("single", 10);
        measured.addErrorsTo(errors);
        // at most one touchpoint per connection may be stored without wrk having counted its answer
        if (stored < answered || stored > answered + clients) {
            errors.add(Math.abs(stored - answered), answered + " requests answered with 2xx but " + stored
                    + " touchpoints stored: duplicates answered 200 or writes lost");
        }

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("single_client", "wrk");
        f.put("single_clients", clients);
        f.put("single_warmup_seconds", warmupSeconds);
        f.put("single_warmup_accepted", warm.requests() - warm.errorsStatus());
        f.put("single_seconds", Results.round(measured.seconds(), 2));
        f.put("single_accepted", answered);
        f.put("single_stored", stored);
        f.put("single_duplicates", Math.max(0, answered - stored));
        f.put("single_errors", errors.count());
        f.put("single_ingest_per_s", Results.round(answered / measured.seconds(), 1));
        f.putAll(measured.latencies("single_request"));
        f.put("single_first_errors", errors.first());
        Fragment.write(args.workDir(), "single", f);
        return answered == 0 ? 2 : 0;
    }

    /** Touchpoints stored under externalIds starting with the prefix, from the key table where there is one. */
    private static long stored(Args args, String prefix) throws SQLException {
        try (Connection c = DriverManager.getConnection(args.jdbcUrl());
                PreparedStatement s = c.prepareStatement("select count(*) from "
                        + (hasKeyTable(c) ? "touchpoint_key" : "touchpoint") + " where source = 'bench-single' and external_id like ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean hasKeyTable(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("select to_regclass('touchpoint_key') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Writes {@code count} touchpoint bodies as a Lua table of {@code {before, between, after}}: each body split around
     * its externalId and its occurredAt, which the wrk script fills in per request.
     */
    private static void writeBodies(Touchpoints touchpoints, Random r, int count, Path file) throws IOException {
        StringBuilder lua = new StringBuilder(count * 480).append("return {\n");
        for (int i = 0; i < count; i++) {
            String json = new String(body(touchpoints, r, EXTERNAL_ID), StandardCharsets.UTF_8);
            int ext = json.indexOf(EXTERNAL_ID);
            int at = json.indexOf(OCCURRED_AT) + OCCURRED_AT.length();
            int atEnd = json.indexOf('"', at);
            if (ext < 0 || at < OCCURRED_AT.length() || atEnd < 0 || ext > at || json.contains("]==]")) {
                throw new IllegalStateException("cannot split body " + json);
            }
            lua.append("{[==[").append(json, 0, ext).append("]==],[==[").append(json, ext + EXTERNAL_ID.length(), at)
                    .append("]==],[==[").append(json, atEnd, json.length()).append("]==]},\n");
        }
        Files.writeString(file, lua.append("}\n"));
    }

    private static final String EXTERNAL_ID = "@externalId@";
    private static final String OCCURRED_AT = "\"occurredAt\":\"";

    /** The load from {@link LeanHttp} clients in this JVM, one thread each. */
    private static int runJava(Args args, Load load) throws Exception {
        Touchpoints touchpoints = load.touchpoints();
        int clients = load.clients();
        int seconds = load.seconds();
        int warmupSeconds = load.warmupSeconds();
        String run = Long.toString(System.currentTimeMillis(), 36);

        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong warmup = new AtomicLong();
        FirstErrors errors = new FirstErrors("single", 10);
        Latencies latencies = new Latencies();

        System.err.printf("single: %d clients for %d s after %d s of warm-up%n", clients, seconds, warmupSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long deadline = measureFrom + seconds * 1_000_000_000L;
        try (Progress progress = new Progress("single", 0)) {
            for (int t = 0; t < clients; t++) {
                int client = t;
                pool.execute(() -> {
                    Random r = DataSet.random(args.seed(), 3, client);
                    try (LeanHttp http = new LeanHttp(args.baseUrl(), 30_000)) {
                    for (long n = 0; System.nanoTime() < deadline && !errors.stuck(200); n++) {
                        byte[] body = body(touchpoints, r, "single-" + run + "-" + client + "-" + n);
                        boolean measured = System.nanoTime() >= measureFrom;
                        Http.Response resp = http.post("/api/v1/touchpoints", body);
                        progress.add(1);
                        if (!measured && resp.status() == 201) {
                            warmup.incrementAndGet();
                        } else if (resp.status() == 201 && resp.text().contains("\"accepted\"")) {
                            accepted.incrementAndGet();
                            latencies.add(resp.nanos());
                            errors.ok();
                        } else if (resp.status() == 200) {
                            duplicates.incrementAndGet();
                            errors.add(0, "unexpected duplicate: " + resp.snippet());
                        } else {
                            errors.add("POST /api/v1/touchpoints -> " + resp.status() + " " + resp.snippet());
                        }
                    }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
        }
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("single_client", "java");
        f.put("single_clients", clients);
        f.put("single_warmup_seconds", warmupSeconds);
        f.put("single_warmup_accepted", warmup.get());
        f.put("single_seconds", Results.round(elapsed, 2));
        f.put("single_accepted", accepted.get());
        f.put("single_duplicates", duplicates.get());
        f.put("single_errors", errors.count());
        f.put("single_ingest_per_s", Results.round(accepted.get() / elapsed, 1));
        f.putAll(latencies.summary("single_request"));
        f.put("single_first_errors", errors.first());
        Fragment.write(args.workDir(), "single", f);
        return accepted.get() == 0 ? 2 : 0;
    }

    private static byte[] body(Touchpoints touchpoints, Random r, String externalId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Http.JSON.getFactory().createGenerator(out)) {
            touchpoints.write(g, r, "bench-single", externalId, true, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
