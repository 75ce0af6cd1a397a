package dev.kreis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts errors and keeps the first few messages (printed at once and listed in the results). */
final class FirstErrors {
    private final String label;
    private final int keep;
    private final AtomicLong count = new AtomicLong();
    private final List<String> first = new ArrayList<>();

    FirstErrors(String label, int keep) {
        this.label = label;
        this.keep = keep;
    }

    void add(String message) {
        add(1, message);
    }

    void add(long n, String message) {
        count.addAndGet(n);
        synchronized (first) {
            if (first.size() < keep) {
                first.add(message);
                System.err.println("  " + label + " error: " + message);
            }
        }
    }

    long count() {
        return count.get();
    }

    List<String> first() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }
}
