package dev.kreis.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Prints "label done/total (rate/s)" to stderr every few seconds while a step runs. */
final class Progress implements AutoCloseable {
    private final AtomicLong done = new AtomicLong();
    private final Thread printer;

    Progress(String label, long total) {
        long start = System.nanoTime();
        printer = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    long d = done.get();
                    double s = (System.nanoTime() - start) / 1e9;
                    System.err.printf("  %s: %,d%s in %.0f s (%,.0f/s)%n", label, d,
                            total > 0 ? String.format("/%,d", total) : "", s, d / s);
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "progress");
        printer.setDaemon(true);
        printer.start();
    }

    void add(long n) {
        done.addAndGet(n);
    }

    @Override
    public void close() {
        printer.interrupt();
    }
}
