package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk (Debian's package {@code wrk}), the load generator of the single and floor steps: a C client
 * with an event loop per thread, so the load takes about as little of the machine's two cores as
 * pgbench's client does for the baseline it is compared with ({@code -t 2}, like {@code pgbench -j 2}).
 * The scripts in {@code bench/wrk} write wrk's summary as JSON ({@link Summary}).
 */
final class Wrk {
    private Wrk() {
    }

    /** What one wrk run reported: completed requests, errors by kind, latencies. */
    record Summary(double seconds, long requests, long errorsStatus, long errorsSocket, double p50Ms, double p95Ms, double p99Ms,
            double meanMs, double maxMs) {
        /** Counts the answers other than 2xx and the socket errors and timeouts wrk saw, if any, as one entry. */
        void addErrorsTo(FirstErrors errors) {
            if (errorsStatus > 0 || errorsSocket > 0) {
                errors.add(errorsStatus + errorsSocket, errorsStatus + " answers other than 2xx, " + errorsSocket
                        + " socket errors or timeouts (wrk's report above)");
            }
        }

        /** The latencies under the names {@link Latencies#summary} gives them. */
        Map<String, Object> latencies(String prefix) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(prefix + "_p50_ms", p50Ms);
            m.put(prefix + "_p95_ms", p95Ms);
            m.put(prefix + "_p99_ms", p99Ms);
            m.put(prefix + "_mean_ms", meanMs);
            m.put(prefix + "_max_ms", maxMs);
            return m;
        }
    }

    static boolean available() {
        return new File("/usr/bin/wrk").canExecute();
    }

    /** The directory of the wrk scripts: {@code --wrk-dir}, else {@code bench/wrk} under the working directory. */
    static Path scripts(Args args) {
        return Path.of(args.string("wrk-dir", "bench/wrk")).toAbsolutePath();
    }

    /**
     * Runs {@code wrk -t threads -c clients -d seconds -s script url -- scriptArgs} and returns the summary its
     * script's {@code done()} wrote; wrk's own report goes to standard error.
     */
    static Summary run(Args args, String script, String path, int threads, int clients, int seconds, Map<String, String> env,
            String... scriptArgs) throws IOException, InterruptedException {
        Path summary = Files.createTempFile(args.workDir(), "wrk-", ".json");
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(threads), "-c", Integer.toString(clients),
                "-d", seconds + "s", "--timeout", "30s", "--latency", "-s", scripts(args).resolve(script).toString(),
                args.baseUrl() + path));
        if (scriptArgs.length > 0) {
            command.add("--");
            command.addAll(List.of(scriptArgs));
        }
        Path log = args.workDir().resolve("wrk-" + script + ".log");
        // wrk prints its report on standard output, which the bench keeps for its results: it goes to a log, then to standard error
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        pb.environment().put("KREIS_WRK_SUMMARY", summary.toString());
        pb.environment().put("KREIS_WRK_DIR", scripts(args).toString());
        int rc = pb.start().waitFor();
        System.err.print(Files.readString(log).replaceAll("(?m)^", "  wrk: "));
        if (rc != 0) {
            throw new IllegalStateException("wrk exited with " + rc);
        }
        JsonNode s = Http.JSON.readTree(Files.readString(summary));
        Files.delete(summary);
        return new Summary(s.get("duration_us").asLong() / 1e6, s.get("requests").asLong(), s.get("errors_status").asLong(),
                s.get("errors_connect").asLong() + s.get("errors_read").asLong() + s.get("errors_write").asLong()
                        + s.get("errors_timeout").asLong(),
                Results.round(s.get("p50_us").asLong() / 1e3, 3), Results.round(s.get("p95_us").asLong() / 1e3, 3),
                Results.round(s.get("p99_us").asLong() / 1e3, 3), Results.round(s.get("mean_us").asDouble() / 1e3, 3),
                Results.round(s.get("max_us").asLong() / 1e3, 3));
    }
}
