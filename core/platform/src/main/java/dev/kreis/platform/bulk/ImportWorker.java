package dev.kreis.platform.bulk;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The background side of imports on every node: one thread that works on one import at a time, so imports
 * queue behind each other instead of competing with live ingestion for the database. Nodes coordinate
 * through the import's lease only.
 */
@ApplicationScoped
public class ImportWorker {
    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportProcessing processing;
    private final ImportConfig config;
    private final String node = "node-" + UUID.randomUUID();
    private ScheduledExecutorService executor;

    ImportWorker(ImportProcessing processing, ImportConfig config) {
        this.processing = processing;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-import-worker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void round() {
        try {
            while (processing.workOnNext(node, Integer.MAX_VALUE).isPresent() && !Thread.currentThread().isInterrupted()) {
                LOG.debug("Import worked on; looking for the next");
            }
        } catch (RuntimeException e) {
            LOG.warn("Import worker round failed", e);
        }
    }
}
