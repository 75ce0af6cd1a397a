package dev.kreis.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Step "import": writes a CSV of touchpoints (customers named by the e-mail of the customers the profiles
 * step loaded) and a CSV of new profiles (every tenth sharing the e-mail of an earlier row), uploads each
 * to {@code POST /api/v1/imports}, follows it until it ends and records rows per second, the wall time
 * and the app's old-generation heap (sampled from /q/metrics every second) against its size before the upload.
 */
final class ImportBench {
    /** The old generation of the heap: what survives collections, so what an import keeps rather than what it passes through. */
    private static final Pattern OLD_GEN = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*id=\"[^\"]*Old Gen\"[^}]*\\}\\s+([0-9.Ee+]+)");

    private ImportBench() {
    }

    static int run(Args args) throws Exception {
        DataSet data = new DataSet(args.seed(), args.integer("customers", 100_000));
        int touchpoints = args.integer("touchpoints", 1_000_000);
        int profiles = args.integer("profiles", 100_000);
        Path work = args.workDir();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("import_touchpoint_rows", touchpoints);
        f.put("import_profile_rows", profiles);

        Path tpFile = work.resolve("import-touchpoints.csv");
        writeTouchpoints(data, touchpoints, tpFile);
        // Each import is timed alone: the fold of what the step before ingested would compete with it for the database.
        f.put("fold_wait_before_touchpoints_s", Results.round(awaitFold(args), 1));
        f.put("import_touchpoint_file_mb", Results.round(Files.size(tpFile) / 1e6, 1));
        Map<String, Object> tp = importFile(args.baseUrl(), tpFile, "{\"kind\":\"touchpoints\",\"source\":\"bench-import\",\"muteSignals\":true,"
                + "\"columns\":{\"id\":{\"field\":\"externalId\"},\"email\":{\"identifier\":\"email\"},\"type\":{\"field\":\"type\"},"
                + "\"channel\":{\"field\":\"channel\"},\"occurredAt\":{\"field\":\"occurredAt\"},\"note\":{\"attribute\":\"note\"}}}");
        tp.forEach((k, v) -> f.put("import_touchpoints_" + k, v));
        Files.deleteIfExists(tpFile);

        Path pFile = work.resolve("import-profiles.csv");
        writeProfiles(data, profiles, pFile);
        f.put("fold_wait_before_profiles_s", Results.round(awaitFold(args), 1));
        Map<String, Object> p = importFile(args.baseUrl(), pFile, "{\"kind\":\"profiles\",\"source\":\"bench-import\",\"columns\":{"
                + "\"id\":{\"field\":\"externalId\"},\"email\":{\"identifier\":\"email\"},\"firstName\":{\"attribute\":\"firstName\"},"
                + "\"lastName\":{\"attribute\":\"lastName\"},\"city\":{\"attribute\":\"city\"}}}");
        p.forEach((k, v) -> f.put("import_profiles_" + k, v));
        Files.deleteIfExists(pFile);

        int bigMb = args.integer("big-file-mb", 0);
        if (bigMb > 0) {
            Map<String, Object> big = bigFile(args.baseUrl(), data, work, bigMb, args.integer("big-file-seconds", 60));
            big.forEach((k, v) -> f.put("import_big_" + k, v));
        }

        JsonNode batch = Fragment.read(work, "batch");
        double batchRate = batch.path("ingest_batch_per_s").asDouble(0);
        f.put("batch_ingest_per_s", batchRate);
        double tpRate = ((Number) tp.get("rows_per_s_wall")).doubleValue();
        f.put("import_touchpoints_vs_batch", batchRate == 0 ? null : Results.round(tpRate / batchRate, 2));
        Fragment.write(work, "import", f);
        System.err.printf("import: touchpoints %.0f rows/s (%.2f x batch %.0f/s), profiles %.0f rows/s, heap growth max %s MB%n", tpRate,
                batchRate == 0 ? 0 : tpRate / batchRate, batchRate, ((Number) p.get("rows_per_s_wall")).doubleValue(), tp.get("heap_growth_mb"));
        return "succeeded".equals(tp.get("status")) && "succeeded".equals(p.get("status")) ? 0 : 1;
    }

    private static double awaitFold(Args args) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(args.jdbcUrl())) {
            c.setAutoCommit(true);
            return KpiFold.awaitCaughtUp(c, "import");
        }
    }

    private static void writeTouchpoints(DataSet data, int rows, Path file) throws IOException {
        long anchor = Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        String[] channels = {"web", "email", "phone", "chat"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,email,type,channel,occurredAt,note\n");
            for (int j = 0; j < rows; j++) {
                Random r = DataSet.random(data.seed(), 7, j);
                int c = data.touchpointCustomer(r);
                out.write("imp-" + j + "," + data.email(c) + ",core.interaction," + channels[r.nextInt(channels.length)] + ","
                        + Instant.ofEpochSecond(anchor - 1 - r.nextInt(730 * 24 * 3600)) + ",\"Imported, row " + j + "\"\n");
            }
        }
    }

    /**
     * The heap with a big file: writes a touchpoint CSV of {@code mb} (decimal) megabytes, uploads it while sampling the old-generation
     * heap every second, follows the import until it ends or for at most {@code seconds}, then cancels it if it still runs (the
     * bench token's integration role may cancel its own import). Records the upload time, the rows read and the heap's growth
     * over the whole time.
     */
    private static Map<String, Object> bigFile(String base, DataSet data, Path work, int mb, int seconds) throws Exception {
        Path file = work.resolve("import-big.csv");
        long anchor = Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        long target = mb * 1_000_000L; // decimal megabytes: 1024 of them stay below the 1 GiB default of kreis.imports.max-file-size
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,email,type,channel,occurredAt,note\n");
            long written = 0;
            for (long j = 0; written < target; j++) {
                Random r = DataSet.random(data.seed(), 9, (int) (j % Integer.MAX_VALUE));
                String line = "big-" + j + "," + data.email(data.touchpointCustomer(r)) + ",core.interaction,web,"
                        + Instant.ofEpochSecond(anchor - 1 - r.nextInt(730 * 24 * 3600)) + ",\"Imported, big row " + j + "\"\n";
                out.write(line);
                written += line.length();
                rows++;
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file_mb", Results.round(Files.size(file) / 1e6, 1));
        f.put("file_rows", rows);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String authorization = "Bearer " + System.getenv().getOrDefault("KREIS_BENCH_TOKEN", "");
        double heapBefore = heap(client, base);
        double[] heapMax = { heapBefore };
        double[] load = { 0, 0, 0 };
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heapMax[0] = Math.max(heapMax[0], heap(client, base));
                double l = loadAverage();
                load[0] += l;
                load[1] = Math.max(load[1], l);
                load[2]++;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        String boundary = "kreis-bench-" + UUID.randomUUID();
        String spec = "{\"kind\":\"touchpoints\",\"source\":\"bench-big\",\"muteSignals\":true,\"columns\":{\"id\":{\"field\":\"externalId\"},"
                + "\"email\":{\"identifier\":\"email\"},\"type\":{\"field\":\"type\"},\"channel\":{\"field\":\"channel\"},"
                + "\"occurredAt\":{\"field\":\"occurredAt\"},\"note\":{\"attribute\":\"note\"}}}";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"spec\"\r\nContent-Type: application/json\r\n\r\n" + spec
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n";
        HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports")).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> started = client.send(upload, HttpResponse.BodyHandlers.ofString());
        f.put("upload_status", started.statusCode());
        f.put("upload_seconds", Results.round((System.nanoTime() - t0) / 1e9, 1));
        f.put("heap_max_during_upload_mb", Results.round(heapMax[0] / 1e6, 0));
        if (started.statusCode() == 202) {
            String id = Http.JSON.readTree(started.body()).path("id").asText();
            long followed = System.nanoTime();
            JsonNode view;
            do {
                Thread.sleep(2000);
                view = Http.JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id))
                        .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            } while (view.path("status").asText().matches("queued|running") && System.nanoTime() - followed < seconds * 1_000_000_000L);
            f.put("followed_seconds", Results.round((System.nanoTime() - followed) / 1e9, 1));
            if (view.path("status").asText().matches("queued|running")) {
                HttpResponse<String> cancelled = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id))
                        .header("Authorization", authorization).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                view = Http.JSON.readTree(cancelled.body());
                f.put("cancel_status", cancelled.statusCode());
            }
            f.put("status", view.path("status").asText());
            f.put("rows_read", view.path("counts").path("read").asLong());
            f.put("rows_created", view.path("counts").path("created").asLong());
            f.put("rows_rejected", view.path("counts").path("rejected").asLong());
            f.put("rows_per_s_worker", view.path("rowsPerSecond").asDouble());
        } else {
            f.put("upload_answer", started.body());
        }
        sampler.interrupt();
        sampler.join(5000);
        Files.deleteIfExists(file);
        f.put("heap_before_mb", Results.round(heapBefore / 1e6, 0));
        f.put("heap_max_mb", Results.round(heapMax[0] / 1e6, 0));
        f.put("heap_growth_mb", Results.round((heapMax[0] - heapBefore) / 1e6, 0));
        f.put("load_average_mean", Results.round(load[0] / Math.max(1, load[2]), 1));
        f.put("load_average_max", Results.round(load[1], 1));
        System.err.printf("import: big file %s MB upload %s s, heap growth %s MB%n", f.get("file_mb"), f.get("upload_seconds"), f.get("heap_growth_mb"));
        return f;
    }

    /** The machine's 1-minute load average (0 where /proc/loadavg is missing). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void writeProfiles(DataSet data, int rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,email,firstName,lastName,city\n");
            for (int j = 0; j < rows; j++) {
                Random r = DataSet.random(data.seed(), 8, j);
                DataSet.Customer c = data.customer(data.customers() + j);
                String email = j >= 10 && j % 10 == 9 ? data.customer(data.customers() + r.nextInt(j)).email() : c.email();
                out.write("legacy-" + j + "," + email + "," + c.firstName() + "," + c.lastName() + "," + c.city() + "\n");
            }
        }
    }

    private static Map<String, Object> importFile(String base, Path file, String spec) throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String authorization = "Bearer " + System.getenv().getOrDefault("KREIS_BENCH_TOKEN", "");
        double heapBefore = heap(client, base);
        String boundary = "kreis-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"spec\"\r\nContent-Type: application/json\r\n\r\n" + spec
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports")).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> started = client.send(upload, HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + started.statusCode() + ": " + started.body());
        }
        f.put("upload_seconds", Results.round((System.nanoTime() - t0) / 1e9, 2));
        String id = Http.JSON.readTree(started.body()).path("id").asText();
        double heapMax = heapBefore;
        double loadSum = 0;
        double loadMax = 0;
        int loadSamples = 0;
        JsonNode view;
        do {
            Thread.sleep(1000);
            heapMax = Math.max(heapMax, heap(client, base));
            double load = loadAverage();
            loadSum += load;
            loadMax = Math.max(loadMax, load);
            loadSamples++;
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            view = Http.JSON.readTree(r.body());
        } while (view.path("status").asText().matches("queued|running"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        f.put("status", view.path("status").asText());
        f.put("counts", view.path("counts"));
        f.put("seconds", Results.round(seconds, 1));
        f.put("rows_per_s_wall", Results.round(view.path("counts").path("read").asLong() / seconds, 1));
        f.put("rows_per_s_worker", view.path("rowsPerSecond").asDouble());
        f.put("heap_before_mb", Results.round(heapBefore / 1e6, 0));
        f.put("heap_max_mb", Results.round(heapMax / 1e6, 0));
        f.put("heap_growth_mb", Results.round((heapMax - heapBefore) / 1e6, 0));
        f.put("load_average_mean", Results.round(loadSum / Math.max(1, loadSamples), 1));
        f.put("load_average_max", Results.round(loadMax, 1));
        return f;
    }

    /** The app's old-generation heap in use now, in bytes, as /q/metrics reports it; 0 if unavailable. */
    private static double heap(HttpClient client, String base) {
        try {
            return AppMetrics.sum(client, base, OLD_GEN);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
