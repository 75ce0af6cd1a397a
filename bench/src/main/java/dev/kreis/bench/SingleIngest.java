package dev.kreis.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * steady state rather than its JIT compilation of a code path no earlier step exercised. Each client
 * has its own keep-alive connection through {@link LeanHttp}, as lean a client as pgbench's.
 */
final class SingleIngest {
    private SingleIngest() {
    }

    static int run(Args args) throws Exception {
        DataSet data = new DataSet(args.seed(), args.integer("customers", 100_000));
        Touchpoints touchpoints = new Touchpoints(data);
        int clients = args.integer("clients", 16);
        int seconds = args.integer("seconds", 30);
        int warmupSeconds = args.integer("warmup-seconds", 40);
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
                    Random r = DataSet.random(data.seed(), 3, client);
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
