package dev.kreis.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step "batch": sends the touchpoints in batches of 1,000 to {@code POST /api/v1/touchpoints/batch}
 * with 4 clients. Touchpoint {@code j} is named by email when j is even, by shop external id when
 * odd. Every item must come back {@code accepted}.
 */
final class BatchIngest {
    private BatchIngest() {
    }

    static int run(Args args) throws Exception {
        DataSet data = new DataSet(args.seed(), args.integer("customers", 100_000));
        Touchpoints touchpoints = new Touchpoints(data);
        int total = args.integer("touchpoints", 1_000_000);
        int size = args.integer("batch-size", 1_000);
        int clients = args.integer("clients", 4);
        int batches = (total + size - 1) / size;
        Http http = new Http(args.baseUrl(), Duration.ofSeconds(120));

        AtomicInteger next = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong failedRequests = new AtomicLong();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean abort = new AtomicBoolean();
        AtomicInteger failedInARow = new AtomicInteger();
        FirstErrors rejected = new FirstErrors("batch", 10);
        Latencies latencies = new Latencies();

        System.err.printf("batch: %,d touchpoints in %,d batches of %,d, %d clients%n", total, batches, size, clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try (Progress progress = new Progress("batch", total)) {
            for (int t = 0; t < clients; t++) {
                pool.execute(() -> {
                    int b;
                    while (!abort.get() && (b = next.getAndIncrement()) < batches) {
                        int from = b * size;
                        int to = Math.min(total, from + size);
                        byte[] body = body(touchpoints, data.seed(), b, from, to);
                        Http.Response r = http.post("/api/v1/touchpoints/batch", body);
                        sent.addAndGet(to - from);
                        if (!r.ok()) {
                            failedRequests.incrementAndGet();
                            failedInARow.incrementAndGet();
                            rejected.add(to - from, "batch " + b + ": HTTP " + r.status() + " " + r.snippet());
                        } else {
                            failedInARow.set(0);
                            latencies.add(r.nanos());
                            count(b, r, to - from, accepted, duplicates, rejected);
                        }
                        progress.add(to - from);
                        if ((answered.incrementAndGet() >= 5 && accepted.get() == 0) || failedInARow.get() >= 8) {
                            abort.set(true);
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("touchpoints", total);
        f.put("batch_size", size);
        f.put("batch_clients", clients);
        f.put("touchpoints_sent", sent.get());
        f.put("touchpoints_accepted", accepted.get());
        f.put("touchpoints_duplicates", duplicates.get());
        f.put("touchpoints_rejected", rejected.count());
        f.put("batch_failed_requests", failedRequests.get());
        f.put("ingest_batch_seconds", Results.round(seconds, 2));
        f.put("ingest_batch_per_s", Results.round(accepted.get() / seconds, 1));
        f.putAll(latencies.summary("batch_request"));
        f.put("batch_first_errors", rejected.first());
        Fragment.write(args.workDir(), "batch", f);
        if (abort.get()) {
            System.err.println("batch: aborted (nothing accepted in the first 5 batches, or 8 failed requests in a row);"
                    + " is POST /api/v1/touchpoints/batch working? See bench/results/app.log");
            return 2;
        }
        return 0;
    }

    /** The JSON body {"items":[...]} of batch {@code b}, items {@code from..to-1}; the same on every run. */
    static byte[] body(Touchpoints touchpoints, long seed, int b, int from, int to) {
        Random r = DataSet.random(seed, 2, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream((to - from) * 480);
        try (JsonGenerator g = Http.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (int j = from; j < to; j++) {
                touchpoints.write(g, r, null, "tp-" + j, j % 2 == 0);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void count(int b, Http.Response r, int items, AtomicLong accepted, AtomicLong duplicates,
                              FirstErrors rejected) {
        JsonNode json;
        try {
            json = r.json();
        } catch (IOException e) {
            rejected.add(items, "batch " + b + ": unreadable answer " + r.snippet());
            return;
        }
        long ok = 0;
        long dup = 0;
        JsonNode results = json.path("results");
        for (JsonNode item : results) {
            String status = item.path("status").asText();
            if ("accepted".equals(status)) {
                ok++;
            } else if ("duplicate".equals(status)) {
                dup++;
                rejected.add(0, "batch " + b + " item " + item.path("index").asText() + ": duplicate");
            } else {
                rejected.add("batch " + b + " item " + item.path("index").asText() + ": " + status + " "
                        + item.path("error").toString());
            }
        }
        if (results.size() != items) {
            rejected.add(Math.max(0, items - results.size()), "batch " + b + ": " + results.size()
                    + " results for " + items + " items (accepted=" + json.path("accepted").asText() + ")");
        }
        accepted.addAndGet(ok);
        duplicates.addAndGet(dup);
    }
}
