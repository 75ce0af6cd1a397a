package dev.kreis.platform.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The callers (principal names) whose reads go to the primary, so they read their own writes whatever the replica's
 * lag: those who wrote through the API on this node within {@link ReadReplicaConfig#primaryAfterWrite()} (every
 * request that may write marks its caller, {@link ReplicaRouting}; work a caller started that writes later on this
 * node, such as a sync run, marks it too), and those whose {@linkplain BackgroundWriters background work} (an import)
 * is under way on any node or ended within that window, read from the database every
 * {@link ReadReplicaConfig#checkInterval()}. Kept only while a read replica is configured; at most
 * {@link ReadReplicaConfig#maxRecentWriters()} callers of the first kind, the expired ones dropped first.
 */
@ApplicationScoped
public class RecentWriters {
    private static final Logger LOG = Logger.getLogger(RecentWriters.class);

    private final BooleanSupplier active;
    private final ReadReplicaConfig config;
    private final List<BackgroundWriters> background;
    private final LongSupplier nanos;
    private final Clock clock;
    private final Map<String, Long> lastWrite = new ConcurrentHashMap<>();
    private volatile Set<String> inBackground = Set.of();
    private ScheduledExecutorService job;

    @Inject
    RecentWriters(ReadReplica replica, @Any Instance<BackgroundWriters> background, Clock clock) {
        this(() -> replica.state() != ReadReplica.State.OFF, replica.config(), background.stream().toList(), System::nanoTime, clock);
    }

    /** With the parts given: whether a replica is configured, the settings, the background work and the clocks. */
    RecentWriters(BooleanSupplier active, ReadReplicaConfig config, List<BackgroundWriters> background, LongSupplier nanos, Clock clock) {
        this.active = active;
        this.config = config;
        this.background = background;
        this.nanos = nanos;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!active.getAsBoolean() || background.isEmpty()) {
            return;
        }
        job = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-background-writers");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, config.checkInterval().toMillis());
        job.scheduleWithFixedDelay(this::scheduledRefresh, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.shutdownNow();
        }
    }

    private void scheduledRefresh() {
        try {
            QuarkusTransaction.requiringNew().run(this::refreshBackground);
        } catch (RuntimeException e) {
            // the callers read before stay: their reads go on to the primary until the database answers again
            LOG.debugf("Reading whose background work writes failed: %s", e);
        }
    }

    /** Reads again whose background work is under way or ended within {@code kreis.db.read.primary-after-write}. */
    void refreshBackground() {
        if (!active.getAsBoolean()) {
            return;
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minus(config.primaryAfterWrite());
        Set<String> callers = new HashSet<>();
        for (BackgroundWriters writers : background) {
            callers.addAll(writers.writingSince(since));
        }
        inBackground = Set.copyOf(callers);
    }

    /** Notes that {@code caller} has just written (or work it started has just written on its behalf). */
    public void wrote(String caller) {
        if (caller == null || !active.getAsBoolean()) {
            return;
        }
        long now = nanos.getAsLong();
        lastWrite.put(caller, now);
        if (lastWrite.size() > config.maxRecentWriters()) {
            forgetExpired(now);
            if (lastWrite.size() > config.maxRecentWriters()) {
                // more writers within one window than remembered: drop the oldest, they read from the replica again
                lastWrite.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> lastWrite.remove(oldest.getKey(), oldest.getValue()));
            }
        }
    }

    /** Whether {@code caller} wrote within the window, or has background work under way or ended within it. */
    public boolean wroteRecently(String caller) {
        if (inBackground.contains(caller)) {
            return true;
        }
        Long at = lastWrite.get(caller);
        return at != null && nanos.getAsLong() - at < config.primaryAfterWrite().toNanos();
    }

    private void forgetExpired(long now) {
        long window = config.primaryAfterWrite().toNanos();
        lastWrite.entrySet().removeIf(entry -> now - entry.getValue() >= window);
    }
}
