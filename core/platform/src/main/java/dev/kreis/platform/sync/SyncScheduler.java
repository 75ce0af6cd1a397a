package dev.kreis.platform.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.kreis.platform.api.ApiException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts scheduled runs on every node: each tick it starts a run for every connection with a due object.
 * Safe on several nodes: the run's database lease lets only one node start it; the others' attempts end
 * quietly with the lease taken.
 */
@ApplicationScoped
public class SyncScheduler {
    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final Connections connections;
    private final SyncEngine engine;
    private final SyncConfig config;
    private final Clock clock;
    private ScheduledExecutorService ticker;

    SyncScheduler(Connections connections, SyncEngine engine, SyncConfig config, Clock clock) {
        this.connections = connections;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.schedulerEnabled()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-sync-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long tick = config.schedulerTick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** One tick: starts the runs that are due. Failures are logged; the next tick tries again. */
    public void tick() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Connection connection : connections.all()) {
            try {
                boolean due = connections.descriptor(connection).objects().stream()
                        .anyMatch(o -> engine.due(connection, o, now));
                if (due) {
                    engine.start(connection.id(), SyncEngine.Trigger.SCHEDULE, false, "scheduler");
                }
            } catch (ApiException e) {
                LOG.debugf("Scheduled sync of %s not started: %s", connection.id(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Scheduled sync of %s could not start", connection.id());
            }
        }
    }
}
