package dev.kreis.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step "floor": what the app's HTTP stack alone manages on this machine, as a yardstick for the
 * single-ingest figure. The same 16 clients as step "single" send {@code GET /q/health/live} (no
 * authentication, no database, a few bytes back) for the same duration after a short warm-up. Single
 * ingest can never be faster than this (same client, {@link LeanHttp}); {@code http_floor_ratio_to_pgbench} says how much of
 * pgbench's single-insert rate an endpoint that does nothing at all reaches.
 */
final class HttpFloor {
    private HttpFloor() {
    }

    static int run(Args args) throws Exception {
        String client = args.string("client", Wrk.available() ? "wrk" : "java");
        if (client.equals("wrk")) {
            return runWrk(args);
        }
        if (!client.equals("java")) {
            throw new IllegalArgumentException("--client must be wrk or java, not " + client);
        }
        int clients = args.integer("clients", 16);
        int seconds = args.integer("seconds", 30);
        int warmupSeconds = args.integer("warmup-seconds", 5);
        String path = args.string("path", "/q/health/live");
        AtomicLong ok = new AtomicLong();
        FirstErrors errors = new FirstErrors("floor", 10);
        Latencies latencies = new Latencies();

        System.err.printf("floor: %d clients GET %s for %d s after %d s of warm-up%n", clients, path, seconds, warmupSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long deadline = measureFrom + seconds * 1_000_000_000L;
        for (int t = 0; t < clients; t++) {
            pool.execute(() -> {
                try (LeanHttp http = new LeanHttp(args.baseUrl(), 30_000)) {
                while (System.nanoTime() < deadline && !errors.stuck(200)) {
                    boolean measured = System.nanoTime() >= measureFrom;
                    Http.Response resp = http.get(path);
                    if (resp.status() != 200) {
                        errors.add("GET " + path + " -> " + resp.status() + " " + resp.snippet());
                    } else if (measured) {
                        ok.incrementAndGet();
                        latencies.add(resp.nanos());
                        errors.ok();
                    }
                }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(7, TimeUnit.DAYS);
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("floor_client", "java");
        f.put("floor_path", path);
        f.put("floor_clients", clients);
        f.put("floor_seconds", Results.round(elapsed, 2));
        f.put("floor_requests", ok.get());
        f.put("floor_errors", errors.count());
        f.put("http_floor_per_s", Results.round(ok.get() / elapsed, 1));
        f.putAll(latencies.summary("floor_request"));
        f.put("floor_first_errors", errors.first());
        Fragment.write(args.workDir(), "floor", f);
        return ok.get() == 0 ? 2 : 0;
    }

    /** The same load from wrk, as the single step's ({@link Wrk}): a short warm-up run, then the measured one. */
    private static int runWrk(Args args) throws Exception {
        int clients = args.integer("clients", 16);
        int seconds = args.integer("seconds", 30);
        int warmupSeconds = args.integer("warmup-seconds", 5);
        String path = args.string("path", "/q/health/live");
        System.err.printf("floor: wrk, %d connections on 2 threads GET %s for %d s after %d s of warm-up%n", clients, path, seconds,
                warmupSeconds);
        Wrk.run(args, "floor.lua", path, 2, clients, warmupSeconds, Map.of());
        Wrk.Summary measured = Wrk.run(args, "floor.lua", path, 2, clients, seconds, Map.of());
        long ok = measured.requests() - measured.errorsStatus();
        FirstErrors errors = new FirstErrors("floor", 10);
        measured.addErrorsTo(errors);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("floor_client", "wrk");
        f.put("floor_path", path);
        f.put("floor_clients", clients);
        f.put("floor_seconds", Results.round(measured.seconds(), 2));
        f.put("floor_requests", ok);
        f.put("floor_errors", errors.count());
        f.put("http_floor_per_s", Results.round(ok / measured.seconds(), 1));
        f.putAll(measured.latencies("floor_request"));
        f.put("floor_first_errors", errors.first());
        Fragment.write(args.workDir(), "floor", f);
        return ok == 0 ? 2 : 0;
    }
}
