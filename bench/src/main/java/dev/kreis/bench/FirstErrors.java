package dev.kreis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts errors and keeps the first few messages (printed at once and listed in the results). */
final class FirstErrors {
    private final String label;
    private final int keep;
    private final AtomicLong count = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger consecutive = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> first = new ArrayList<>();

    FirstErrors(String label, int keep) {
        this.label = label;
        this.keep = keep;
    }

    void add(String message) {
        add(1, message);
    }

    /** Marks a success: the run of consecutive failures is over. */
    void ok() {
        consecutive.set(0);
    }

    /** True once {@code limit} requests in a row have failed: the app is down or hung. */
    boolean stuck(int limit) {
        return consecutive.get() >= limit;
    }

    void add(long n, String message) {
        count.addAndGet(n);
        if (n > 0) {
            consecutive.incrementAndGet();
        }
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
