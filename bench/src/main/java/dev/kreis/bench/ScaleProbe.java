package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Step "scale-probe" of the scale scenario ({@code bench/run.sh --scale}): the figures of one data size that
 * are not latencies of the KPI scenario. {@code --what heap}: the app's heap in use right after a full
 * collection ({@code jcmd GC.run}, then {@code jvm_memory_used_bytes{area="heap"}} from /q/metrics), i.e. what
 * the node keeps for this much data. {@code --what disk}: the bytes PostgreSQL holds for the touchpoints (every
 * partition with its indexes and TOAST, the key table), the KPI rollups and the whole database, and per
 * million touchpoints. {@code --what restart}: after run.sh restarted the app, the seconds from launching
 * the process until it is ready and until the slowest per-customer KPIs answer at full speed again. Each
 * writes {@code <work-dir>/scale-<what>.json}.
 */
final class ScaleProbe {
    /** The per-customer KPIs that were slowest in the KPI scenario, for the year: the ones a restart slows most. */
    static final List<String> RESTART_KPIS = List.of("funnel", "peak_end_score", "nrr", "repurchase_rate");
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.Ee+]+)");

    private ScaleProbe() {
    }

    static int run(Args args) throws Exception {
        String what = args.string("what", "");
        Map<String, Object> f = switch (what) {
            case "heap" -> heap(args);
            case "disk" -> disk(args);
            case "restart" -> restart(args);
            default -> throw new IllegalArgumentException("--what heap|disk|restart, got " + what);
        };
        Fragment.write(args.workDir(), "scale-" + what, f);
        return 0;
    }

    private static Map<String, Object> heap(Args args) throws Exception {
        String pid = args.string("app-pid", "");
        Process gc = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start();
        String gcOut = new String(gc.getInputStream().readAllBytes());
        if (!gc.waitFor(120, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.run failed: " + gcOut);
        }
        Thread.sleep(1000);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("heap_used_after_gc_mb", Results.round(heapUsed(args.baseUrl()) / 1e6, 1));
        f.put("heap_how", "jcmd GC.run (a full collection), then the sum of jvm_memory_used_bytes{area=\"heap\"} from /q/metrics");
        return f;
    }

    /** The sum of every heap pool's bytes in use, from /q/metrics. */
    static double heapUsed(String base) throws IOException, InterruptedException {
        double sum = AppMetrics.sum(HttpClient.newHttpClient(), base, HEAP);
        if (sum == 0) {
            throw new IllegalStateException("no jvm_memory_used_bytes{area=\"heap\"} in /q/metrics");
        }
        return sum;
    }

    private static Map<String, Object> disk(Args args) throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(args.jdbcUrl())) {
            long touchpoints = scalar(c, "select count(*) from touchpoint");
            long tables = scalar(c, "select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('touchpoint')")
                    + scalar(c, "select coalesce(pg_total_relation_size(to_regclass('touchpoint_key')), 0)");
            long rollups = scalar(c, "select coalesce(sum(pg_total_relation_size(to_regclass(t))), 0) from unnest(array['kpi_day_rollup',"
                    + " 'kpi_profile_day', 'kpi_customer_day', 'kpi_fold_day']) t");
            long database = scalar(c, "select pg_database_size(current_database())");
            double millions = touchpoints / 1e6;
            f.put("touchpoints", touchpoints);
            f.put("partitions", scalar(c, "select count(*) from pg_partition_tree('touchpoint') where isleaf"));
            f.put("touchpoint_bytes", tables);
            f.put("kpi_rollup_bytes", rollups);
            f.put("database_bytes", database);
            f.put("touchpoint_mb_per_million", Results.round(tables / 1e6 / millions, 1));
            f.put("kpi_rollup_mb_per_million", Results.round(rollups / 1e6 / millions, 1));
            f.put("database_mb_per_million", Results.round(database / 1e6 / millions, 1));
        }
        return f;
    }

    /**
     * Polls from the moment the app is ready: each round retires the KPI cache as a fold would (the KPI scenario's cold
     * sample) and reads each of {@link #RESTART_KPIS} for the last year. Full speed is the first round in which every
     * one answers within twice its cold p95 measured before the restart (at least that p95 plus 10 ms); the time counts
     * from the launch of the process ({@code --launched-at-ms}, taken by run.sh).
     */
    private static Map<String, Object> restart(Args args) throws Exception {
        long launched = Long.parseLong(args.string("launched-at-ms", "0"));
        JsonNode steady = Http.JSON.readTree(Path.of(args.string("steady", "")).toFile()).path("periods").path("year").path("kpis");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "?from=" + today.plusDays(1).minusYears(1) + "&to=" + today.plusDays(1);
        Map<String, Double> limits = new LinkedHashMap<>();
        for (String kpi : RESTART_KPIS) {
            double p95 = steady.path(kpi).path("cold_p95_ms").asDouble();
            limits.put(kpi, Math.max(2 * p95, p95 + 10));
        }
        Http http = new Http(args.baseUrl(), Duration.ofSeconds(600));
        double readyS = (System.currentTimeMillis() - launched) / 1e3;
        List<Map<String, Object>> rounds = new ArrayList<>();
        Double fullSpeedS = null;
        try (Connection c = DriverManager.getConnection(args.jdbcUrl())) {
            while (fullSpeedS == null && (System.currentTimeMillis() - launched) / 1e3 < args.integer("timeout-seconds", 1800)) {
                double roundStart = (System.currentTimeMillis() - launched) / 1e3;
                KpiScenario.retireCache(c, today);
                boolean fast = true;
                Map<String, Object> round = new LinkedHashMap<>();
                round.put("at_s", Results.round(roundStart, 2));
                for (String kpi : RESTART_KPIS) {
                    Http.Response resp = http.get("/api/v1/kpis/" + kpi + period);
                    if (!resp.ok()) {
                        throw new IllegalStateException("GET " + kpi + " -> " + resp.status() + ": " + resp.snippet());
                    }
                    double ms = Latencies.ms(resp.nanos());
                    round.put(kpi + "_ms", ms);
                    fast &= ms <= limits.get(kpi);
                }
                if (rounds.size() < 200) {
                    rounds.add(round);
                }
                if (fast) {
                    fullSpeedS = roundStart;
                } else {
                    Thread.sleep(250);
                }
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ready_after_launch_s", Results.round(readyS, 2));
        f.put("full_speed_after_launch_s", fullSpeedS == null ? null : Results.round(fullSpeedS, 2));
        f.put("full_speed_limits_ms", limits);
        f.put("rounds", rounds);
        f.put("full_speed_how", "from launching the process until a round in which " + RESTART_KPIS
                + " (last year, each after a cache retirement) all answer within max(2 x, +10 ms) of their cold p95 before the restart");
        System.err.printf("  scale: ready %.1f s after launch, full speed after %s s (%d rounds)%n", readyS, fullSpeedS, rounds.size());
        return f;
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
