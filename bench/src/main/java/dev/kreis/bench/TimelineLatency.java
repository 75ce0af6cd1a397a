package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Step "timeline": one client reads {@code GET /api/v1/customers/{id}/timeline?limit=50} for random
 * customers, first a warm-up (not measured), then the measured samples. Latency is from sending the
 * request to having read the whole answer. The client is {@link LeanHttp} (one keep-alive connection on a
 * blocking socket), so the figure is the app's and the database's: the JDK's {@code java.net.http} client
 * hands every exchange between its selector and executor threads, which on two cores shared with the app
 * and PostgreSQL adds milliseconds to the slowest requests ({@code --client jdk} measures with it, for comparison).
 */
final class TimelineLatency {
    private TimelineLatency() {
    }

    static int run(Args args) throws Exception {
        int samples = args.integer("samples", 2_000);
        int warmup = args.integer("warmup", 200);
        int limit = args.integer("limit", 50);
        List<String> ids = Files.readAllLines(args.workDir().resolve(ProfileLoader.CUSTOMER_IDS)).stream()
                .filter(s -> !s.isBlank()).toList();
        if (ids.isEmpty()) {
            System.err.println("timeline: no customer ids in " + ProfileLoader.CUSTOMER_IDS);
            return 2;
        }
        String client = args.string("client", "lean");
        if (!client.equals("lean") && !client.equals("jdk")) {
            System.err.println("timeline: --client must be lean or jdk");
            return 2;
        }
        Http jdk = client.equals("jdk") ? new Http(args.baseUrl(), Duration.ofSeconds(30)) : null;
        Random r = DataSet.random(args.seed(), 4, 0);
        Latencies latencies = new Latencies();
        FirstErrors errors = new FirstErrors("timeline", 10);
        long items = 0;
        long full = 0;

        System.err.printf("timeline: %,d warm-up + %,d measured requests, limit=%d, 1 client (%s)%n", warmup, samples, limit, client);
        try (LeanHttp lean = new LeanHttp(args.baseUrl(), 30_000)) {
            for (int i = 0; i < warmup + samples && !errors.stuck(50); i++) {
                String id = ids.get(r.nextInt(ids.size()));
                String path = "/api/v1/customers/" + id + "/timeline?limit=" + limit;
                Http.Response resp = jdk != null ? jdk.get(path) : lean.get(path);
                if (i < warmup) {
                    continue;
                }
                if (resp.status() != 200) {
                    errors.add("GET /api/v1/customers/" + id + "/timeline -> " + resp.status() + " " + resp.snippet());
                    continue;
                }
                latencies.add(resp.nanos());
                errors.ok();
                int n = itemCount(resp, errors);
                items += n;
                if (n == limit) {
                    full++;
                }
            }
        }

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("timeline_samples", latencies.count());
        f.put("timeline_warmup", warmup);
        f.put("timeline_limit", limit);
        f.put("timeline_client", client);
        f.put("timeline_errors", errors.count());
        f.put("timeline_items_mean", latencies.count() == 0 ? 0 : Results.round((double) items / latencies.count(), 2));
        f.put("timeline_full_pages", full);
        f.putAll(latencies.summary("timeline"));
        f.put("timeline_first_errors", errors.first());
        Fragment.write(args.workDir(), "timeline", f);
        return latencies.count() == 0 ? 2 : 0;
    }

    private static int itemCount(Http.Response resp, FirstErrors errors) {
        try {
            JsonNode items = resp.json().get("items");
            if (items == null || !items.isArray()) {
                errors.add("timeline answer without items array: " + resp.snippet());
                return 0;
            }
            return items.size();
        } catch (IOException e) {
            errors.add("timeline answer is not JSON: " + resp.snippet());
            return 0;
        }
    }
}
