package dev.kreis.platform.storage;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells a database that cannot be reached from a bug: a failure caused by a refused or broken
 * connection (SQLSTATE class 08, a server shutting down, 57P01..57P03) or by no connection to be had
 * within the pool's acquisition timeout is an outage, answered 503 with {@code Retry-After}
 * ({@link DatabaseOutageConfig#retryAfter()}). The first such failure is logged once; while the outage
 * lasts a probe tries a connection every {@link DatabaseOutageConfig#probeInterval()} and logs once
 * when the database answers again.
 */
@ApplicationScoped
public class DatabaseOutage {
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final Database database;
    private final DatabaseOutageConfig config;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kreis-database-probe");
        thread.setDaemon(true);
        return thread;
    });

    DatabaseOutage(Database database, DatabaseOutageConfig config) {
        this.database = database;
        this.config = config;
    }

    /** Whether {@code failure} means the database cannot be reached; the first of an outage is logged. */
    public boolean recognises(Throwable failure) {
        if (!isOutage(failure)) {
            return false;
        }
        if (since.compareAndSet(null, Instant.now())) {
            LOG.errorf("The database cannot be reached (%s); requests that need it answer 503 until it is back", rootMessage(failure));
            long interval = Math.max(100, config.probeInterval().toMillis());
            probe.schedule(this::probe, interval, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Whether an outage is going on, as far as this node has seen. */
    public boolean ongoing() {
        return since.get() != null;
    }

    /** The {@code Retry-After} of a 503 during an outage, in whole seconds. */
    public long retryAfterSeconds() {
        return Math.max(1, config.retryAfter().toSeconds());
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void probe() {
        Instant start = since.get();
        try (Connection connection = database.connection()) {
            if (connection.isValid(2)) {
                since.set(null);
                LOG.infof("The database answers again after %d s of outage", Duration.between(start, Instant.now()).toSeconds());
                return;
            }
        } catch (SQLException | RuntimeException e) {
            // still away: try again
        }
        probe.schedule(this::probe, Math.max(100, config.probeInterval().toMillis()), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        probe.shutdownNow();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
