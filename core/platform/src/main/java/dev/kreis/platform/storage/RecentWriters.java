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
 * lag: those who wrote through the API within {@link ReadReplicaConfig#primaryAfterWrite()} on any node (every
 * request that may write marks its caller, {@link ReplicaRouting}; work a caller started that writes later, such as a
 * sync run, marks it too), and those whose {@linkplain BackgroundWriters background work} (an import) is under way on
 * any node or ended within that window, read from the database every {@link ReadReplicaConfig#checkInterval()}.
 *
 * <p>A write is remembered on its own node and in the primary's {@link WriteMarks}, before the write's answer is sent:
 * a node asks the marks for a caller it does not remember itself (one lookup by key on the primary, once per reading
 * request), so the caller's next request reads its write on whichever node it reaches. Each node marks a caller at
 * most once a {@link #MARK_EVERY} (until the window plus that much from then, so other nodes see at least the whole
 * window). If the marks cannot be read, the caller's reads go to the primary. Kept only while a read replica is
 * configured; at most {@link ReadReplicaConfig#maxRecentWriters()} callers remembered on a node, the expired ones
 * dropped first.
 */
@ApplicationScoped
public class RecentWriters {
    private static final Logger LOG = Logger.getLogger(RecentWriters.class);
    /** How often a node marks the same caller in the shared marks at most. */
    static final Duration MARK_EVERY = Duration.ofSeconds(1);
    /** How often a node deletes the shared marks that ended. */
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    private final BooleanSupplier active;
    private final ReadReplicaConfig config;
    private final List<BackgroundWriters> background;
    private final LongSupplier nanos;
    private final Clock clock;
    private final WriteMarks marks;
    private final Map<String, Long> lastWrite = new ConcurrentHashMap<>();
    private final Map<String, Long> lastMarked = new ConcurrentHashMap<>();
    private volatile Set<String> inBackground = Set.of();
    /** When this node last deleted the ended marks (nanos); null before the first time. */
    private volatile Long lastForgotten;
    private ScheduledExecutorService job;

    @Inject
    RecentWriters(ReadReplica replica, @Any Instance<BackgroundWriters> background, WriteMarks marks, Clock clock) {
        this(() -> replica.state() != ReadReplica.State.OFF, replica.config(), background.stream().toList(), marks, System::nanoTime, clock);
    }

    /** With the parts given: whether a replica is configured, the settings, the background work, the shared marks and the clocks. */
    RecentWriters(BooleanSupplier active, ReadReplicaConfig config, List<BackgroundWriters> background, WriteMarks marks, LongSupplier nanos,
            Clock clock) {
        this.active = active;
        this.config = config;
        this.background = background;
        this.marks = marks;
        this.nanos = nanos;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!active.getAsBoolean()) {
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

    /**
     * Reads again whose background work is under way or ended within {@code kreis.db.read.primary-after-write}, and
     * forgets the shared marks that ended longer ago than that.
     */
    void refreshBackground() {
        if (!active.getAsBoolean()) {
            return;
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minus(config.primaryAfterWrite());
        long now = nanos.getAsLong();
        Long forgotten = lastForgotten;
        if (forgotten == null || now - forgotten >= FORGET_EVERY.toNanos()) {
            marks.forgetBefore(since);
            lastForgotten = now;
        }
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
        Long marked = lastMarked.get(caller);
        if (marked == null || now - marked >= MARK_EVERY.toNanos()) {
            try {
                marks.mark(caller, OffsetDateTime.now(clock).plus(config.primaryAfterWrite()).plus(MARK_EVERY));
                lastMarked.put(caller, now);
            } catch (RuntimeException e) {
                // this node still remembers the write; another node may read the replica for this caller until the next mark
                LOG.debugf("Marking %s's write for the other nodes failed: %s", caller, e);
            }
        }
        if (lastWrite.size() > config.maxRecentWriters()) {
            forgetExpired(now);
            if (lastWrite.size() > config.maxRecentWriters()) {
                // more writers within one window than remembered: drop the oldest, they read from the replica again
                lastWrite.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> {
                    lastWrite.remove(oldest.getKey(), oldest.getValue());
                    lastMarked.remove(oldest.getKey());
                });
            }
        }
    }

    /** Whether {@code caller} wrote within the window on any node, or has background work under way or ended within it. */
    public boolean wroteRecently(String caller) {
        if (inBackground.contains(caller)) {
            return true;
        }
        Long at = lastWrite.get(caller);
        if (at != null && nanos.getAsLong() - at < config.primaryAfterWrite().toNanos()) {
            return true;
        }
        if (!active.getAsBoolean()) {
            return false;
        }
        try {
            return marks.until(caller).map(until -> until.isAfter(OffsetDateTime.now(clock))).orElse(false);
        } catch (RuntimeException e) {
            LOG.debugf("Reading %s's write mark failed, its reads go to the primary: %s", caller, e);
            return true;
        }
    }

    private void forgetExpired(long now) {
        long window = config.primaryAfterWrite().toNanos();
        lastWrite.entrySet().removeIf(entry -> now - entry.getValue() >= window);
        lastMarked.keySet().retainAll(lastWrite.keySet());
    }
}
