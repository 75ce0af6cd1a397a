package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step "scale-report" of {@code bench/run.sh --scale}: gathers what the steps left for each data size in
 * {@code --dir/<touchpoints>/} (kpi.json from the KPI scenario, timeline.json, scale-heap.json, scale-disk.json,
 * scale-restart.json) into {@code --out} (latest-scale.json): one row of figures per size, the targets of issue 18
 * per size, and how each figure grew from one size to the next. run.sh calls it after every size, so a run cut short
 * still reports the sizes it finished. Prints the table.
 */
final class ScaleReport {
    private static final double TIMELINE_P99_MS = 10;
    private static final double KPI_P95_MS_UP_TO_10M = 50;
    private static final double KPI_P95_MS_ABOVE_10M = 100;
    private static final double FULL_SPEED_S = 10;
    /** "Heap for KPIs flat across sizes": at most this factor of the smallest size's heap. */
    private static final double HEAP_FLAT_FACTOR = 1.1;

    private ScaleReport() {
    }

    static int run(Args args) throws Exception {
        File[] dirs = Path.of(args.string("dir", "bench/results/tmp/scale")).toFile().listFiles(File::isDirectory);
        List<File> sizes = new ArrayList<>(Arrays.asList(dirs == null ? new File[0] : dirs));
        sizes.removeIf(d -> !d.getName().matches("\\d+") || !new File(d, "kpi.json").exists());
        sizes.sort(Comparator.comparingLong(d -> Long.parseLong(d.getName())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (File d : sizes) {
            rows.add(row(d.toPath()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_at", java.time.Instant.now().toString());
        out.put("machine", args.string("machine", ""));
        out.put("sizes", rows);
        out.put("growth", growth(rows));
        Map<String, Object> targets = new LinkedHashMap<>();
        boolean met = !rows.isEmpty();
        Double smallestHeap = rows.isEmpty() ? null : (Double) rows.get(0).get("heap_used_after_gc_mb");
        for (Map<String, Object> r : rows) {
            long tp = ((Number) r.get("touchpoints")).longValue();
            double kpiTarget = tp <= 10_000_000 ? KPI_P95_MS_UP_TO_10M : KPI_P95_MS_ABOVE_10M;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("timeline_p99_ms", check(r.get("timeline_p99_ms"), TIMELINE_P99_MS));
            t.put("kpi_cold_p95_ms_max", check(r.get("kpi_cold_p95_ms_max"), kpiTarget));
            t.put("full_speed_after_launch_s", check(r.get("full_speed_after_launch_s"), FULL_SPEED_S));
            Double heap = (Double) r.get("heap_used_after_gc_mb");
            t.put("heap_used_after_gc_mb", check(heap, smallestHeap == null ? null : smallestHeap * HEAP_FLAT_FACTOR));
            for (Object o : t.values()) {
                met &= Boolean.TRUE.equals(((Map<?, ?>) o).get("pass"));
            }
            targets.put(String.valueOf(tp), t);
        }
        out.put("targets", targets);
        out.put("targets_how", "timeline p99 <= 10 ms at every size; cold KPI p95 (every KPI, quarter and year) <= 50 ms up to 10M"
                + " touchpoints, <= 100 ms above; full speed <= 10 s after launch; heap in use after a full GC at most "
                + HEAP_FLAT_FACTOR + " x the smallest size's");
        out.put("targets_met", met);
        Path file = Path.of(args.string("out", "bench/results/latest-scale.json"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        print(rows, met);
        return 0;
    }

    private static Map<String, Object> row(Path d) throws Exception {
        JsonNode kpi = Http.JSON.readTree(d.resolve("kpi.json").toFile());
        JsonNode timeline = Fragment.read(d, "timeline");
        JsonNode heap = Fragment.read(d, "scale-heap");
        JsonNode disk = Fragment.read(d, "scale-disk");
        JsonNode restart = Fragment.read(d, "scale-restart");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("touchpoints", kpi.path("touchpoints").asLong());
        r.put("customers", kpi.path("customers").asLong());
        r.put("load_copy_s", number(kpi, "load_copy_s"));
        r.put("initial_fold_s", number(kpi, "initial_fold_s"));
        r.put("index_catch_up_s", number(kpi, "index_catch_up_s"));
        r.put("timeline_p50_ms", number(timeline, "timeline_p50_ms"));
        r.put("timeline_p99_ms", number(timeline, "timeline_p99_ms"));
        r.put("timeline_samples", number(timeline, "timeline_samples"));
        r.put("timeline_warmup", number(timeline, "timeline_warmup"));
        r.put("kpi_cold_p95_ms_max", number(kpi, "kpi_p95_ms_max_single_value"));
        r.put("kpi_cold_p95_ms_max_at", kpi.path("kpi_p95_ms_max_at").asText(null));
        r.put("kpi_series_cold_p95_ms_max", number(kpi, "series_p95_ms_max"));
        r.put("kpi_warm_p95_ms_max", number(kpi, "kpi_warm_p95_ms_max"));
        r.put("sql_values_equal", kpi.path("sql_values_equal").asBoolean(false));
        r.put("heap_used_after_gc_mb", number(heap, "heap_used_after_gc_mb"));
        r.put("ready_after_launch_s", number(restart, "ready_after_launch_s"));
        r.put("full_speed_after_launch_s", number(restart, "full_speed_after_launch_s"));
        r.put("touchpoint_mb_per_million", number(disk, "touchpoint_mb_per_million"));
        r.put("kpi_rollup_mb_per_million", number(disk, "kpi_rollup_mb_per_million"));
        r.put("database_mb_per_million", number(disk, "database_mb_per_million"));
        r.put("database_bytes", disk.path("database_bytes").isMissingNode() ? null : disk.path("database_bytes").asLong());
        Map<String, Object> perKpi = new LinkedHashMap<>();
        for (String period : List.of("quarter", "year")) {
            kpi.path("periods").path(period).path("kpis").fields().forEachRemaining(e ->
                    perKpi.put(e.getKey() + " " + period, Map.of("cold_p50_ms", e.getValue().path("cold_p50_ms").asDouble(),
                            "cold_p95_ms", e.getValue().path("cold_p95_ms").asDouble())));
        }
        r.put("kpi_cold", perKpi);
        r.put("load_average_at_kpi_start", kpi.path("load_average").asText(null));
        return r;
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : null;
    }

    private static Map<String, Object> check(Object actual, Double target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actual", actual);
        m.put("target", target);
        m.put("pass", actual instanceof Double a && target != null && a <= target);
        return m;
    }

    /** For each pair of consecutive sizes: the factor of touchpoints and of each figure. */
    private static List<Map<String, Object>> growth(List<Map<String, Object>> rows) {
        List<Map<String, Object>> g = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Map<String, Object> a = rows.get(i - 1);
            Map<String, Object> b = rows.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", a.get("touchpoints"));
            m.put("to", b.get("touchpoints"));
            for (String k : List.of("touchpoints", "load_copy_s", "initial_fold_s", "timeline_p99_ms", "kpi_cold_p95_ms_max",
                    "heap_used_after_gc_mb", "full_speed_after_launch_s", "database_bytes")) {
                if (a.get(k) instanceof Number x && b.get(k) instanceof Number y && x.doubleValue() > 0) {
                    m.put(k + "_factor", Results.round(y.doubleValue() / x.doubleValue(), 2));
                }
            }
            g.add(m);
        }
        return g;
    }

    private static void print(List<Map<String, Object>> rows, boolean met) {
        System.err.println();
        System.err.println("Scale scenario");
        System.err.printf("  %12s %9s %9s %12s %14s %10s %12s %12s %10s%n", "touchpoints", "copy s", "fold s", "timeline p99",
                "KPI cold p95", "heap MB", "full speed s", "DB MB/1M", "SQL equal");
        for (Map<String, Object> r : rows) {
            System.err.printf("  %,12d %9s %9s %12s %14s %10s %12s %12s %10s%n", ((Number) r.get("touchpoints")).longValue(),
                    r.get("load_copy_s"), r.get("initial_fold_s"), r.get("timeline_p99_ms"), r.get("kpi_cold_p95_ms_max"),
                    r.get("heap_used_after_gc_mb"), r.get("full_speed_after_launch_s"), r.get("database_mb_per_million"),
                    r.get("sql_values_equal"));
        }
        System.err.printf("  targets met: %s%n", met);
    }
}
