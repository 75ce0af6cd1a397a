package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step "results": gathers the step fragments and the pgbench log into latest.json, computes the
 * ratios, checks the targets and prints a summary table. Exits 1 when the run is not valid (HTTP
 * errors, rejected or duplicate touchpoints, identity mismatches, a missing figure); missed targets
 * are reported but do not change the exit code.
 */
final class Results {
    /** Targets: name, comparison, bound. */
    private static final List<Object[]> TARGETS = List.of(
            new Object[] {"ingest_ratio_to_copy", ">=", 0.5},
            new Object[] {"single_ratio_to_pgbench", ">=", 1.0},
            new Object[] {"timeline_p99_ms", "<=", 20.0});

    /** Counts that must be zero for the run to be valid. */
    private static final List<String> MUST_BE_ZERO = List.of(
            "profile_errors", "identity_mismatches", "touchpoints_rejected", "touchpoints_duplicates",
            "batch_failed_requests", "single_errors", "single_duplicates", "floor_errors", "timeline_errors", "pgbench_failed");

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private Results() {
    }

    static int run(Args args) throws Exception {
        Path dir = args.workDir();
        Map<String, ObjectNode> steps = new LinkedHashMap<>();
        for (String step : List.of("profiles", "batch", "copy", "single", "floor", "timeline", "kafka")) {
            steps.put(step, Fragment.read(dir, step));
        }
        steps.put("pgbench", pgbench(dir.resolve("pgbench.log"), args.integer("pgbench-clients", 16)));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("mode", args.string("mode", "full"));
        out.put("customers", args.integer("customers", 100_000));
        out.put("touchpoints", args.integer("touchpoints", 1_000_000));
        out.put("seed", args.seed());
        Double profile = number(steps, "profiles", "profile_create_per_s");
        Double batch = number(steps, "batch", "ingest_batch_per_s");
        Double copy = number(steps, "copy", "copy_per_s");
        Double single = number(steps, "single", "single_ingest_per_s");
        Double pgbench = number(steps, "pgbench", "pgbench_insert_per_s");
        out.put("profile_create_per_s", profile);
        out.put("ingest_batch_per_s", batch);
        out.put("copy_per_s", copy);
        out.put("ingest_ratio_to_copy", ratio(batch, copy));
        Double kafka = number(steps, "kafka", "ingest_kafka_per_s");
        if (kafka != null) {
            // run.sh --kafka: the same touchpoints through Kafka in the same run (one record each)
            out.put("ingest_kafka_per_s", kafka);
            out.put("ingest_kafka_ratio_to_batch", ratio(kafka, batch));
        }
        out.put("single_ingest_per_s", single);
        out.put("pgbench_insert_per_s", pgbench);
        out.put("single_ratio_to_pgbench", ratio(single, pgbench));
        JsonNode client = find(steps, "single_client");
        out.put("single_load_generator", client == null ? "java" : client.asText());
        Double floor = number(steps, "floor", "http_floor_per_s");
        out.put("http_floor_per_s", floor);
        out.put("http_floor_ratio_to_pgbench", ratio(floor, pgbench));
        for (String p : List.of("p50", "p95", "p99", "mean")) {
            out.put("timeline_" + p + "_ms", number(steps, "timeline", "timeline_" + p + "_ms"));
        }

        Map<String, Object> targets = new LinkedHashMap<>();
        boolean targetsMet = true;
        for (Object[] t : TARGETS) {
            Double actual = (Double) out.get((String) t[0]);
            double bound = (Double) t[2];
            boolean pass = actual != null && (">=".equals(t[1]) ? actual >= bound : actual <= bound);
            targetsMet &= pass;
            targets.put((String) t[0], ordered("target", t[1] + " " + t[2], "actual", actual, "pass", pass));
        }
        out.put("targets", targets);
        out.put("targets_met", targetsMet);

        Map<String, Object> checks = new LinkedHashMap<>();
        boolean valid = true;
        for (String name : MUST_BE_ZERO) {
            JsonNode v = find(steps, name);
            boolean pass = v != null && v.asLong() == 0;
            valid &= pass;
            checks.put(name, ordered("actual", v == null ? null : v.asLong(), "pass", pass));
        }
        for (String required : List.of("profile_create_per_s", "ingest_batch_per_s", "copy_per_s",
                "single_ingest_per_s", "pgbench_insert_per_s", "timeline_p99_ms")) {
            if (out.get(required) == null) {
                valid = false;
                checks.put(required + "_measured", ordered("actual", null, "pass", false));
            }
        }
        out.put("checks", checks);
        out.put("valid", valid);

        Map<String, Object> machine = machine(args.jdbcUrl());
        machine.put("autovacuum_stand_in", Boolean.parseBoolean(args.string("autovacuum-stand-in", "false")));
        out.put("machine", machine);
        out.put("build_seconds", args.integer("build-seconds", -1) < 0 ? null : args.integer("build-seconds", 0));
        out.put("run_seconds", args.integer("run-seconds", -1) < 0 ? null : args.integer("run-seconds", 0));
        out.put("app_cpu", appCpu(dir.resolve("app_cpu.tsv"), steps));
        Path autovacuum = dir.resolve("autovacuum.log");
        if (Files.exists(autovacuum)) {
            // "seconds-into-run<TAB>statement" for each analyze/vacuum run.sh did in autovacuum's place
            steps.put("autovacuum_stand_in", Http.JSON.valueToTree(Map.of("statements", Files.readAllLines(autovacuum))));
        }
        out.put("details", steps);

        Path file = Path.of(args.string("out", "bench/results/latest.json"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        printSummary(out, targets, checks, file);
        return valid ? 0 : 1;
    }

    private static ObjectNode pgbench(Path log, int clients) throws IOException {
        ObjectNode n = Http.JSON.createObjectNode();
        if (!Files.exists(log)) {
            return n;
        }
        String text = Files.readString(log);
        Matcher tps = TPS.matcher(text);
        if (tps.find()) {
            n.put("pgbench_insert_per_s", round(Double.parseDouble(tps.group(1)), 1));
        }
        Matcher processed = PROCESSED.matcher(text);
        if (processed.find()) {
            n.put("pgbench_transactions", Long.parseLong(processed.group(1)));
        }
        Matcher failed = FAILED.matcher(text);
        n.put("pgbench_failed", failed.find() ? Long.parseLong(failed.group(1)) : 0);
        n.put("pgbench_clients", clients);
        if (!tps.reset().find()) {
            n.put("pgbench_output", text.length() > 2000 ? text.substring(text.length() - 2000) : text);
        }
        return n;
    }

    /**
     * CPU seconds the app used during each step (measured by run.sh from /proc) and, for the
     * ingest steps, CPU milliseconds per profile or touchpoint.
     */
    private static Map<String, Object> appCpu(Path tsv, Map<String, ObjectNode> steps) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!Files.exists(tsv)) {
            return m;
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] kv = line.split("\t");
            if (kv.length == 2) {
                seconds.put(kv[0], Double.parseDouble(kv[1]));
                m.put(kv[0] + "_s", Double.parseDouble(kv[1]));
            }
        }
        perItem(m, "profiles", seconds.get("profiles"), find(steps, "profiles_created"), "profile");
        perItem(m, "batch", seconds.get("batch"), find(steps, "touchpoints_accepted"), "touchpoint");
        perItem(m, "single", seconds.get("single"), find(steps, "single_accepted"), "touchpoint");
        perItem(m, "floor", seconds.get("floor"), find(steps, "floor_requests"), "request");
        JsonNode samples = find(steps, "timeline_samples");
        JsonNode warmup = find(steps, "timeline_warmup");
        if (samples != null && warmup != null) {
            perItem(m, "timeline", seconds.get("timeline"),
                    Http.JSON.getNodeFactory().numberNode(samples.asLong() + warmup.asLong()), "request");
        }
        return m;
    }

    private static void perItem(Map<String, Object> m, String step, Double seconds, JsonNode count, String unit) {
        if (seconds != null && count != null && count.asLong() > 0) {
            m.put(step + "_ms_per_" + unit, round(seconds * 1000 / count.asLong(), 3));
        }
    }

    private static Map<String, Object> machine(String jdbcUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("memory_gib", memoryGib());
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("load_average", loadAverage());
        m.put("java_version", System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SHOW server_version")) {
                r.next();
                m.put("postgresql_version", r.getString(1));
            }
            Map<String, String> settings = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT name, current_setting(name) FROM pg_settings WHERE name IN "
                    + "('shared_buffers', 'synchronous_commit', 'fsync', 'autovacuum', 'wal_level', 'max_wal_size', "
                    + "'checkpoint_timeout', 'max_connections', 'work_mem') ORDER BY name")) {
                while (r.next()) {
                    settings.put(r.getString(1), r.getString(2));
                }
            }
            m.put("postgresql_settings", settings);
        } catch (Exception e) {
            m.put("postgresql_version", "unknown: " + e.getMessage());
        }
        return m;
    }

    private static Double memoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return round(kb / 1048576.0, 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    /** 1, 5 and 15 minute load averages when the results are written: high values mean a busy machine. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    private static void printSummary(Map<String, Object> out, Map<String, Object> targets, Map<String, Object> checks,
                                     Path file) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nKreis benchmark, %s: %,d customers, %,d touchpoints%n",
                out.get("mode"), out.get("customers"), out.get("touchpoints")));
        b.append(String.format(Locale.ROOT, "%-26s %14s  %-9s %s%n", "figure", "value", "target", "result"));
        for (String k : List.of("profile_create_per_s", "ingest_batch_per_s", "copy_per_s", "ingest_ratio_to_copy",
                "single_ingest_per_s", "pgbench_insert_per_s", "single_ratio_to_pgbench", "http_floor_per_s",
                "http_floor_ratio_to_pgbench", "timeline_p50_ms",
                "timeline_p95_ms", "timeline_p99_ms", "timeline_mean_ms")) {
            Object v = out.get(k);
            String target = "";
            String result = "";
            if (targets.get(k) instanceof Map<?, ?> t) {
                target = String.valueOf(t.get("target"));
                result = Boolean.TRUE.equals(t.get("pass")) ? "PASS" : "FAIL";
            }
            String value = v == null ? "n/a" : String.format(Locale.ROOT, "%,.2f", ((Number) v).doubleValue());
            b.append(String.format(Locale.ROOT, "%-26s %14s  %-9s %s%n", k, value, target, result));
        }
        for (Map.Entry<String, Object> e : checks.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> c && !Boolean.TRUE.equals(c.get("pass"))) {
                b.append(String.format("INVALID RUN: %s = %s (must be 0 / present)%n", e.getKey(), c.get("actual")));
            }
        }
        if (out.get("machine") instanceof Map<?, ?> m && m.get("load_average") instanceof String load) {
            double oneMinute = Double.parseDouble(load.split(" ")[0]);
            if (oneMinute > 1.5 * ((Number) m.get("nproc")).doubleValue()) {
                b.append(String.format("note: load average %s on %s cores; other processes were competing for "
                        + "the CPU and the figures are noisy%n", load, m.get("nproc")));
            }
        }
        b.append(String.format("targets %s; run %s; written to %s%n",
                Boolean.TRUE.equals(out.get("targets_met")) ? "met" : "NOT met",
                Boolean.TRUE.equals(out.get("valid")) ? "valid" : "INVALID", file));
        System.out.print(b);
    }

    private static Double number(Map<String, ObjectNode> steps, String step, String name) {
        JsonNode v = steps.get(step).get(name);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static JsonNode find(Map<String, ObjectNode> steps, String name) {
        for (ObjectNode n : steps.values()) {
            if (n.has(name)) {
                return n.get(name);
            }
        }
        return null;
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : round(a / b, 3);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
