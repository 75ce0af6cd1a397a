package dev.kreis.platform.touchpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Group commit for single touchpoints. Requests that arrive while a write is in flight wait in a
 * queue; a writer takes all of them (up to {@link #MAX_GROUP}) and stores them through the batch
 * path in one transaction, then answers each request with its own item result. A request is
 * answered only after the transaction holding its touchpoint committed, so the guarantees of
 * {@link TouchpointIngestion#ingest} hold per request, while the database sees one statement and one
 * commit per group instead of per touchpoint. Under no concurrency a group is one touchpoint.
 */
@ApplicationScoped
public class SingleTouchpointWriter {
    static final int MAX_GROUP = 500;
    private static final int WRITERS = 2;
    private static final int QUEUE_CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(SingleTouchpointWriter.class);

    private final TouchpointIngestion ingestion;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    SingleTouchpointWriter(TouchpointIngestion ingestion) {
        this.ingestion = ingestion;
    }

    private record Pending(JsonNode item, CompletableFuture<IngestResult.Item> result) {
    }

    @PostConstruct
    void start() {
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(this::drain, "kreis-touchpoint-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
    }

    /** Ingests one touchpoint; blocks until its group is committed (or rejected). */
    public IngestResult.Item ingest(JsonNode item) {
        Pending pending = new Pending(item, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, 10, TimeUnit.SECONDS)) {
                return ingestion.ingest(List.of(item)).results().get(0);
            }
            return pending.result().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to store a touchpoint", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void drain() {
        while (running) {
            List<Pending> group = new ArrayList<>();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                List<IngestResult.Item> results = ingestion.ingest(group.stream().map(Pending::item).toList()).results();
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).result().complete(results.get(i));
                }
            } catch (RuntimeException e) {
                LOG.debugf(e, "Writing a group of %d touchpoints failed", group.size());
                group.forEach(p -> p.result().completeExceptionally(e));
            }
        }
    }
}
