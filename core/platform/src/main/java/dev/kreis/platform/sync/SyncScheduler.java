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
 * quietly with the lease taken. Each tick also sweeps erasures queued for CRMs that a stopped node left
 * undelivered.
 */
@ApplicationScoped
public class SyncScheduler {
    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final Connections connections;
    private final SyncEngine engine;
    private final ConnectionErasure erasures;
    private final SyncConfig config;
    private final Clock clock;
    private ScheduledExecutorService ticker;

    SyncScheduler(Connections connections, SyncEngine engine, ConnectionErasure erasures, SyncConfig config, Clock clock) {
        this.connections = connections;
        this.engine = engine;
        this.erasures = erasures;
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

    /**
     * One tick: starts the runs that are due, and delivers erasures that were queued more than five minutes
     * ago and are still pending (their node stopped before it called the CRM). Failures are logged; the next
     * tick tries again.
     */
    public void tick() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            erasures.deliverLeftOver(now.minusMinutes(5));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Queued erasures could not be swept");
        }
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
