package dev.kreis.platform.storage;

import java.sql.Connection;
import java.sql.SQLException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * {@link Jdbc} for reads that may be served by the read replica (docs/postgresql.md "Read replica"): timelines,
 * the customer list's search, the customers behind a KPI and exports. A read goes to the replica when one
 * {@linkplain ReadReplica#serving() serves}, it runs for an API request that only reads ({@link ReplicaRouting}),
 * outside any transaction (a read inside one must see that transaction's writes), and the caller has not written
 * within {@code kreis.db.read.primary-after-write};
 * otherwise, and whenever the replica fails as an outage does or cancels the read for a conflict with its replay, it
 * runs on the primary. Use it only for reads that may run twice (once on the replica, then again on the primary).
 * A singleton, not application scoped: a client proxy would need a no-argument constructor that {@link Jdbc} has not.
 */
@Singleton
@Typed(ReadJdbc.class)
public class ReadJdbc extends Jdbc {
    /** A replica cancelled the query because replaying the primary's changes needed what it read (hot standby conflict). */
    private static final String CONFLICT_WITH_RECOVERY = "40001";

    private final ReadReplica replica;
    private final RecentWriters writers;
    private final TransactionManager transactions;
    private final CurrentIdentityAssociation identities;
    private final ReplicaRouting.ReadingRequest reading;
    private final Counter onReplica;
    private final Counter onPrimary;

    ReadJdbc(Database database, ReadReplica replica, RecentWriters writers, TransactionManager transactions,
            CurrentIdentityAssociation identities, ReplicaRouting.ReadingRequest reading, MeterRegistry meters) {
        super(database);
        this.replica = replica;
        this.writers = writers;
        this.transactions = transactions;
        this.identities = identities;
        this.reading = reading;
        this.onReplica = Counter.builder("kreis.db.reads").tag("on", "replica")
                .description("Reads that could go to the read replica, by where they ran").register(meters);
        this.onPrimary = Counter.builder("kreis.db.reads").tag("on", "primary")
                .description("Reads that could go to the read replica, by where they ran").register(meters);
    }

    @Override
    public <T> T withConnection(ConnectionWork<T> work) {
        if (replica.state() == ReadReplica.State.OFF) {
            return super.withConnection(work);
        }
        if (!replicaMayServe()) {
            onPrimary.increment();
            return super.withConnection(work);
        }
        try (Connection connection = replica.connection()) {
            T result = work.apply(connection);
            onReplica.increment();
            return result;
        } catch (SQLException e) {
            if (DatabaseOutage.isOutage(e)) {
                replica.failed(e);
            } else if (!CONFLICT_WITH_RECOVERY.equals(e.getSQLState())) {
                throw new StorageException(e);
            }
            onPrimary.increment();
            return super.withConnection(work);
        }
    }

    private boolean replicaMayServe() {
        if (!replica.serving() || !Arc.container().requestContext().isActive() || !reading.reads() || inTransaction()) {
            return false;
        }
        SecurityIdentity caller = identities.getIdentity();
        return caller.isAnonymous() || !reading.callerWroteRecently(() -> writers.wroteRecently(caller.getPrincipal().getName()));
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }
}
