package dev.kreis.platform.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * The optional read replica ({@link ReadReplicaConfig}): its datasource and whether it may serve reads now. Every
 * {@link ReadReplicaConfig#checkInterval()} a probe reads the primary's WAL position and the replica's replayed one
 * ({@link ReplicaLag}). The replica serves while it answers and its lag is at most {@link ReadReplicaConfig#maxLag()};
 * otherwise reads go to the primary until a probe finds it back.
 */
@ApplicationScoped
public class ReadReplica {
    private static final Logger LOG = Logger.getLogger(ReadReplica.class);

    /** Where reads may go. */
    public enum State {
        /** No read URL: every read goes to the primary. */
        OFF,
        /** The replica answers and is close enough behind the primary: it serves reads. */
        SERVING,
        /** The replica answers but is further behind than the maximum lag: reads go to the primary. */
        LAGGING,
        /** The replica does not answer (or has not been reached yet): reads go to the primary. */
        UNREACHABLE
    }

    private final Database primary;
    private final ReadReplicaConfig config;
    private final AgroalDataSource dataSource;
    private final ReplicaLag samples = new ReplicaLag();
    private final ScheduledExecutorService probe;
    private volatile State state;
    private volatile Duration lag = Duration.ZERO;
    private volatile String problem;

    ReadReplica(@Any Instance<AgroalDataSource> dataSources, Database primary, ReadReplicaConfig config, MeterRegistry meters) {
        this.primary = primary;
        this.config = config;
        if (DatabaseSelectionConfigSource.readReplicaSelected()) {
            this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(DatabaseSelectionConfigSource.READ)).get();
            this.state = State.UNREACHABLE;
            this.problem = "not checked yet";
            this.probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "kreis-read-replica-probe");
                thread.setDaemon(true);
                return thread;
            });
            Gauge.builder("kreis.db.read.lag", this, replica -> replica.lag.toMillis() / 1000.0).baseUnit("seconds")
                    .description("How far the read replica is behind the primary, as last measured").register(meters);
        } else {
            this.dataSource = null;
            this.state = State.OFF;
            this.probe = null;
        }
    }

    void start(@Observes StartupEvent event) {
        if (dataSource != null) {
            check();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (probe != null) {
            probe.shutdownNow();
        }
    }

    public State state() {
        return state;
    }

    /** Whether the replica may serve a read now. */
    public boolean serving() {
        return state == State.SERVING;
    }

    /** The replica's lag as last measured. */
    public Duration lag() {
        return lag;
    }

    /** Why the replica does not serve, when it does not; else {@code null}. */
    public String problem() {
        return problem;
    }

    public ReadReplicaConfig config() {
        return config;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** A read on the replica failed as an outage does (refused or broken connection): reads go to the primary until a probe finds it back. */
    void failed(Throwable failure) {
        change(State.UNREACHABLE, "a read failed: " + failure.getMessage());
    }

    private void check() {
        try {
            measure();
        } finally {
            probe.schedule(this::check, Math.max(100, config.checkInterval().toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs on the probe thread only, which alone touches {@link #samples}. */
    private void measure() {
        Instant now = Instant.now();
        Long primaryLsn = primaryPosition();
        Long replayed;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
            row.next();
            // not in recovery: the URL names a primary, or the replica was promoted; it is as current as it gets
            replayed = row.getBoolean(1) ? ReplicaLag.parseLsn(row.getString(2)) : null;
        } catch (SQLException | RuntimeException e) {
            samples.primaryAt(now, primaryLsn);
            change(State.UNREACHABLE, e.getMessage());
            return;
        }
        lag = samples.observe(now, primaryLsn, replayed);
        if (lag.compareTo(config.maxLag()) > 0) {
            change(State.LAGGING, "the replica is " + lag.toSeconds() + " s behind the primary (kreis.db.read.max-lag " + config.maxLag() + ")");
        } else {
            change(State.SERVING, null);
        }
    }

    private Long primaryPosition() {
        try (Connection connection = primary.connection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_current_wal_lsn()::text")) {
            row.next();
            return ReplicaLag.parseLsn(row.getString(1));
        } catch (SQLException | RuntimeException e) {
            // The primary is away (DatabaseOutage answers for it); the replica's lag is judged on the samples taken so far.
            return null;
        }
    }

    private synchronized void change(State next, String why) {
        State before = state;
        state = next;
        problem = why;
        if (before == next) {
            return;
        }
        if (next == State.UNREACHABLE) {
            // connections the pool holds may be broken (a restarted replica): new ones are made when it answers again
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
        switch (next) {
            case SERVING -> LOG.infof("The read replica serves reads (lag %d ms)", lag.toMillis());
            case LAGGING -> LOG.warnf("Reads go to the primary: %s", why);
            case UNREACHABLE -> LOG.warnf("Reads go to the primary: the read replica cannot be reached (%s)", why);
            case OFF -> {
            }
        }
    }
}
