package dev.kreis.platform.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.sync.SyncRun.Status;
import dev.kreis.platform.sync.persistence.CursorRepository;
import dev.kreis.platform.sync.persistence.RunRepository;
import dev.kreis.spi.connector.ConnectorDescriptor;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts and runs syncs. A run first takes the connection's lease in the database, so at most one run per
 * connection works at a time across all nodes; it renews the lease after every page and stops if another
 * node took it over. It pulls every due object (organisations before people), then pushes, then pushes
 * consent withdrawals as opt-outs ({@link ConsentPush}), and ends as
 * {@code succeeded}, {@code partial} (some records failed or went to the dead letters) or {@code failed}
 * (the run could not go on; the next one resumes from the last checkpoint).
 */
@ApplicationScoped
public class SyncEngine {
    private static final Logger LOG = Logger.getLogger(SyncEngine.class);

    private final Connections connections;
    private final RunRepository runs;
    private final CursorRepository cursors;
    private final Puller puller;
    private final Pusher pusher;
    private final ConsentPush consentPush;
    private final AuditLog audit;
    private final MeterRegistry meters;
    private final SyncConfig config;
    private final Clock clock;
    private final dev.kreis.platform.storage.RecentWriters writers;
    private final String node = "node-" + UUID.randomUUID();
    /** Per connection: runs failed in a row on this node (a gauge). */
    private final Map<String, AtomicInteger> consecutiveFailures = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "kreis-sync-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    SyncEngine(Connections connections, RunRepository runs, CursorRepository cursors, Puller puller, Pusher pusher, ConsentPush consentPush,
            AuditLog audit, MeterRegistry meters, SyncConfig config, Clock clock, dev.kreis.platform.storage.RecentWriters writers) {
        this.connections = connections;
        this.runs = runs;
        this.cursors = cursors;
        this.puller = puller;
        this.pusher = pusher;
        this.consentPush = consentPush;
        this.audit = audit;
        this.meters = meters;
        this.config = config;
        this.clock = clock;
        this.writers = writers;
    }

    /** Why a run starts. */
    public enum Trigger {
        MANUAL, SCHEDULE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Starts a run of every object now (manual) or of the due objects (schedule) and answers its id; 409 when
     * a run of the connection is under way on any node. {@code full} forgets the watermarks first.
     */
    public UUID start(UUID connectionId, Trigger trigger, boolean full, String actor) {
        Connection connection = connections.require(connectionId);
        ConnectorDescriptor descriptor = connections.descriptor(connection);
        UUID runId = UUID.randomUUID();
        OffsetDateTime now = now();
        QuarkusTransaction.requiringNew().run(() -> {
            if (!runs.acquireLease(connectionId, holder(runId), runId, now, now.plus(config.leaseDuration()))) {
                throw new ConflictProblem("a run of connection " + connectionId + " is under way"
                        + runs.leasedRun(connectionId, now).map(id -> " (run " + id + ")").orElse("") + "; try again when it has ended");
            }
            runs.failAbandoned(connectionId, runId, now);
            runs.insert(runId, connectionId, trigger.wire(), full, now);
            if (trigger == Trigger.MANUAL) {
                audit.record(actor, "connection.sync-started", "connection", connectionId.toString(), null, Map.of("runId", runId, "full", full));
            }
        });
        List<CrmObject> objects = descriptor.objects().stream()
                .filter(o -> trigger == Trigger.MANUAL || due(connection, o, now))
                .sorted(java.util.Comparator.comparing(CrmObject::becomes, java.util.Comparator.comparingInt(SyncEngine::order)))
                .toList();
        // a manual run writes on its starter's behalf: their reads go to the primary while it runs (docs/postgresql.md)
        String writer = trigger == Trigger.MANUAL ? actor : null;
        executor.submit(() -> execute(connection, runId, full, objects, writer));
        return runId;
    }

    /** Organisations first (members join them), then people, then deals and tickets (they land on people). */
    private static int order(CrmObject.Becomes becomes) {
        return switch (becomes) {
            case ORGANISATION -> 0;
            case PERSON -> 1;
            case TOUCHPOINT -> 2;
        };
    }

    /** Whether an object's scheduled pull is due. */
    boolean due(Connection connection, CrmObject object, OffsetDateTime now) {
        Duration interval = connection.settings().interval(object.name()).orElse(config.defaultInterval());
        return cursors.find(connection.id(), object.name()).lastStartedAt().map(t -> !t.plus(interval).isAfter(now)).orElse(true);
    }

    private void execute(Connection connection, UUID runId, boolean full, List<CrmObject> objects, String writer) {
        long startedNanos = System.nanoTime();
        RunCounts counts = new RunCounts(runId);
        String holder = holder(runId);
        Status status;
        String error = null;
        // The run's counts and its lease are written at most once a second (and at least four times a lease), not after every
        // page: a first sync of 100,000 records has 1,000 pages, and each write is a commit of its own.
        long renewEvery = Math.min(1_000_000_000L, config.leaseDuration().toNanos() / 4);
        long[] renewed = { System.nanoTime() };
        Runnable checkpoint = () -> {
            writers.wrote(writer);
            if (System.nanoTime() - renewed[0] >= renewEvery) {
                runs.progress(runId, counts, null);
                if (!runs.renewLease(connection.id(), holder, now().plus(config.leaseDuration()))) {
                    throw new RunStoppedException("another node took over the connection's lease");
                }
                renewed[0] = System.nanoTime();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new RunStoppedException("the node is shutting down");
            }
        };
        try (ConnectorSession session = connections.connector(connection).open(connections.config(connection))) {
            for (CrmObject object : objects) {
                if (full) {
                    cursors.reset(connection.id(), object.name());
                }
                cursors.started(connection.id(), object.name(), now());
                puller.pull(connection, session, object, counts, checkpoint);
            }
            if (connection.settings().push()) {
                for (CrmObject object : objects) {
                    if (object.becomes() == CrmObject.Becomes.TOUCHPOINT) {
                        continue;
                    }
                    pusher.push(connection, session, object, counts, checkpoint);
                }
            }
            for (CrmObject object : objects) {
                consentPush.push(connection, session, object, counts, checkpoint);
            }
            status = counts.failed() > 0 || counts.deadLettered() > 0 ? Status.PARTIAL : Status.SUCCEEDED;
        } catch (RuntimeException e) {
            status = Status.FAILED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("Sync run %s of connection %s failed: %s", runId, connection.id(), error);
        }
        runs.finish(runId, status, counts, error, now());
        writers.wrote(writer);
        runs.releaseLease(connection.id(), holder, now());
        record(connection, status, counts, System.nanoTime() - startedNanos);
    }

    private void record(Connection connection, Status status, RunCounts counts, long nanos) {
        String id = connection.id().toString();
        meters.counter("kreis.sync.runs", "connection", id, "status", status.wire()).increment();
        meters.timer("kreis.sync.run.duration", "connection", id, "status", status.wire()).record(nanos, TimeUnit.NANOSECONDS);
        AtomicInteger failures = consecutiveFailures.computeIfAbsent(id,
                k -> meters.gauge("kreis.sync.consecutive.failures", Tags.of("connection", k), new AtomicInteger()));
        if (status == Status.FAILED) {
            failures.incrementAndGet();
        } else {
            failures.set(0);
        }
        meters.counter("kreis.sync.records", "connection", id, "outcome", "unchanged").increment(counts.unchanged());
        meters.counter("kreis.sync.records", "connection", id, "outcome", "failed").increment(counts.failed());
        meters.counter("kreis.sync.records", "connection", id, "outcome", "read").increment(counts.read());
        meters.counter("kreis.sync.records", "connection", id, "outcome", "created").increment(counts.created());
        meters.counter("kreis.sync.records", "connection", id, "outcome", "updated").increment(counts.updated());
        meters.counter("kreis.sync.records", "connection", id, "outcome", "pushed").increment(counts.pushed());
        meters.counter("kreis.sync.records", "connection", id, "outcome", "dead-lettered").increment(counts.deadLettered());
    }

    private String holder(UUID runId) {
        return node + "/" + runId;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
