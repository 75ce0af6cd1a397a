package dev.kreis.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects request durations (thread-safe appends) and reports nearest-rank percentiles in ms. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long n) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = n;
    }

    synchronized int count() {
        return size;
    }

    /** p50, p95, p99, mean and max under the given prefix, e.g. {@code timeline_p99_ms}. */
    synchronized Map<String, Object> summary(String prefix) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (size == 0) {
            return m;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        m.put(prefix + "_p50_ms", ms(percentile(sorted, 50)));
        m.put(prefix + "_p95_ms", ms(percentile(sorted, 95)));
        m.put(prefix + "_p99_ms", ms(percentile(sorted, 99)));
        m.put(prefix + "_mean_ms", ms((long) Arrays.stream(sorted).average().orElse(0)));
        m.put(prefix + "_max_ms", ms(sorted[sorted.length - 1]));
        return m;
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return Results.round(nanos / 1e6, 3);
    }
}
