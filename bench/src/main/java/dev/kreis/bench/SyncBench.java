package dev.kreis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sync scenario: a fake HubSpot ({@link FakeHubSpotServer}, in this process, answering at once) with
 * {@code --contacts} contacts; a HubSpot connection to it (created as the bootstrap admin, push off, so only
 * the pull is measured); a first, full sync, timed from the run's start to its end as recorded by Kreis
 * ({@code sync_records_per_s}); then {@code --changed} contacts changed in the fake (every tenth with a new
 * e-mail) and an incremental sync of them ({@code sync_incremental_seconds}). Afterwards it checks in the
 * database that every contact is one profile and one customer: a changed e-mail must not start a second one.
 * The batch ingest rate of the same run ({@code batch.json}) is copied beside the sync figures.
 */
final class SyncBench {
    private SyncBench() {
    }

    static int run(Args args) throws Exception {
        int contacts = args.integer("contacts", 100_000);
        int changed = args.integer("changed", 1_000);
        int fakePort = args.integer("fake-port", 19381);
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + System.getenv().getOrDefault("KREIS_BENCH_ADMIN_PASSWORD", ""))
                .getBytes(StandardCharsets.UTF_8));
        String base = args.baseUrl().replaceAll("/+$", "");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long baseMillis = System.currentTimeMillis() - 86_400_000L;
        Map<String, Object> f = new LinkedHashMap<>();
        // The batch step's touchpoints are still being folded into the KPI rollups; the sync is timed once that is done, so
        // the figure is the sync's own and not the previous step's tail.
        try (Connection db = DriverManager.getConnection(args.jdbcUrl())) {
            db.setAutoCommit(true);
            f.put("sync_fold_wait_s", Results.round(KpiFold.awaitCaughtUp(db, "sync"), 1));
        }
        try (FakeHubSpotServer fake = new FakeHubSpotServer(fakePort, contacts, baseMillis)) {
            String create = "{\"connector\":\"hubspot\",\"name\":\"Bench HubSpot\",\"source\":\"hubspot-bench\",\"baseUrl\":\"http://127.0.0.1:"
                    + fakePort + "\",\"credentials\":{\"accessToken\":\"bench\",\"clientSecret\":\"bench-secret\"},"
                    + "\"settings\":{\"push\":\"false\",\"interval.contacts\":\"PT24H\",\"interval.companies\":\"PT24H\"}}";
            JsonNode connection = send(client, admin, "POST", base + "/api/v1/connections", create, 201);
            String id = connection.path("id").asText();
            System.err.printf("  sync: connection %s to the fake HubSpot on port %d with %,d contacts%n", id, fakePort, contacts);

            JsonNode full = syncAndWait(client, admin, base, id);
            double fullSeconds = seconds(full);
            int read = full.path("counts").path("read").asInt();
            f.put("sync_contacts", contacts);
            f.put("sync_page_size", 100);
            f.put("sync_status", full.path("status").asText());
            f.put("sync_read", read);
            f.put("sync_created", full.path("counts").path("created").asInt());
            f.put("sync_failed", full.path("counts").path("failed").asInt());
            f.put("sync_seconds", Results.round(fullSeconds, 2));
            f.put("sync_records_per_s", Results.round(read / fullSeconds, 1));
            f.put("sync_load_average_after_full", loadAverage());

            fake.change(changed, System.currentTimeMillis());
            long requestsBefore = fake.requests();
            JsonNode incremental = syncAndWait(client, admin, base, id);
            double incSeconds = seconds(incremental);
            f.put("sync_incremental_changed", changed);
            f.put("sync_incremental_status", incremental.path("status").asText());
            f.put("sync_incremental_read", incremental.path("counts").path("read").asInt());
            f.put("sync_incremental_updated", incremental.path("counts").path("updated").asInt());
            f.put("sync_incremental_seconds", Results.round(incSeconds, 2));
            f.put("sync_incremental_requests", fake.requests() - requestsBefore);
            f.put("sync_load_average_after_incremental", loadAverage());
        }
        try (Connection db = DriverManager.getConnection(args.jdbcUrl()); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*), count(distinct customer_id) from profile where source = 'hubspot-bench'")) {
            rs.next();
            f.put("sync_profiles", rs.getLong(1));
            f.put("sync_customers", rs.getLong(2));
        }
        JsonNode batch = Fragment.read(args.workDir(), "batch");
        if (batch.has("ingest_batch_per_s")) {
            f.put("ingest_batch_per_s", batch.get("ingest_batch_per_s").asDouble());
        }
        f.put("sync_target_records_per_s", 2000);
        f.put("sync_target_incremental_seconds", 5);
        Fragment.write(args.workDir(), "sync", f);
        boolean valid = "succeeded".equals(f.get("sync_status")) && ((Number) f.get("sync_profiles")).longValue() == contacts
                && ((Number) f.get("sync_customers")).longValue() == contacts;
        if (!valid) {
            System.err.println("  sync: INVALID run (not succeeded, or profiles/customers differ from the contacts)");
        }
        return valid ? 0 : 1;
    }

    private static JsonNode syncAndWait(HttpClient client, String admin, String base, String id) throws Exception {
        String runId = send(client, admin, "POST", base + "/api/v1/connections/" + id + "/sync", "{}", 202).path("runId").asText();
        while (true) {
            Thread.sleep(1000);
            JsonNode run = send(client, admin, "GET", base + "/api/v1/connections/" + id + "/runs/" + runId, null, 200);
            if (!"running".equals(run.path("status").asText())) {
                System.err.println("  sync: run " + runId + " " + run);
                return run;
            }
        }
    }

    private static double seconds(JsonNode run) {
        OffsetDateTime start = OffsetDateTime.parse(run.path("startedAt").asText());
        OffsetDateTime end = OffsetDateTime.parse(run.path("endedAt").asText());
        return Duration.between(start, end).toNanos() / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static JsonNode send(HttpClient client, String admin, String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", admin).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return Http.JSON.readTree(response.body());
    }
}
