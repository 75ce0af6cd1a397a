package dev.kreis.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the form {@code --name value}; every step reads the ones it needs. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] argv, int from) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value, got: " + a);
            }
            values.put(a.substring(2), argv[++i]);
        }
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }

    long seed() {
        return Long.parseLong(string("seed", "20250301"));
    }

    String baseUrl() {
        return string("base-url", "http://127.0.0.1:18080");
    }

    String jdbcUrl() {
        return string("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/kreis_bench?user=postgres");
    }

    /** Where the steps leave their figures (one JSON file each) and the customer id list. */
    Path workDir() {
        return Path.of(string("work-dir", "bench/results/tmp"));
    }
}
