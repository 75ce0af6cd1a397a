package dev.kreis.platform.sync;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.privacy.ErasedElsewhere;
import dev.kreis.platform.privacy.ErasurePropagation;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository.ErasureOutcomeRow;
import dev.kreis.platform.sync.persistence.SyncRecordRepository.QueuedErasure;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.ErasureOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Carries an erasure to every connection that brought in one of the person's profiles: the connector
 * erases the CRM record (HubSpot's GDPR delete, Salesforce delete), unless the connection's setting
 * {@code erasure=none} says to leave the CRM alone. In the erasure's transaction the records are queued
 * ({@code sync_erasure_queue}) with a {@code pending} outcome on the receipt, and what the engine kept about
 * them (pushed values, conflicts, dead letters) goes; the vendor calls are made after the transaction
 * committed, outside any transaction, and each connection's final outcome ({@code erased} or {@code failed})
 * replaces its pending one. Queued erasures that a stopped node left are delivered by the scheduler's sweep.
 */
@ApplicationScoped
public class ConnectionErasure implements ErasurePropagation {
    private static final Logger LOG = Logger.getLogger(ConnectionErasure.class);
    static final String PENDING = "pending";

    private final Connections connections;
    private final SyncRecordRepository records;
    private final VendorCalls calls;

    ConnectionErasure(Connections connections, SyncRecordRepository records, VendorCalls calls) {
        this.connections = connections;
        this.records = records;
        this.calls = calls;
    }

    @Override
    public List<ErasedElsewhere> queue(UUID receiptId, List<ProfileRow> profiles, OffsetDateTime at) {
        List<ErasureOutcomeRow> outcomes = new java.util.ArrayList<>();
        for (Connection connection : connections.all()) {
            List<ProfileRow> theirs = profiles.stream().filter(p -> p.source().equals(connection.source())).toList();
            if (theirs.isEmpty()) {
                continue;
            }
            records.forgetRecords(connection.id(), theirs.stream().map(ProfileRow::externalId).toList());
            if (!connection.settings().eraseInCrm()) {
                outcomes.add(new ErasureOutcomeRow(connection.id(), connection.name(), theirs.size(), "skipped",
                        "the connection's setting erasure=none leaves the CRM's records"));
                continue;
            }
            for (ProfileRow profile : theirs) {
                records.queueErasure(new QueuedErasure(receiptId, connection.id(), objectFor(connection, profile.kind()).name(),
                        profile.externalId()), at);
            }
            outcomes.add(new ErasureOutcomeRow(connection.id(), connection.name(), theirs.size(), PENDING,
                    "queued; the CRM's records are erased once the erasure has committed"));
        }
        records.erasureOutcomes(receiptId, outcomes);
        return outcomes.stream().map(ConnectionErasure::view).toList();
    }

    @Override
    public void deliver(UUID receiptId) {
        Map<UUID, List<QueuedErasure>> byConnection = new java.util.LinkedHashMap<>();
        records.queuedErasures(receiptId).forEach(q -> byConnection.computeIfAbsent(q.connectionId(), k -> new java.util.ArrayList<>()).add(q));
        byConnection.forEach((connectionId, queued) -> {
            Connection connection = connections.all().stream().filter(c -> c.id().equals(connectionId)).findFirst().orElse(null);
            ErasureOutcomeRow outcome = connection == null
                    ? new ErasureOutcomeRow(connectionId, "(deleted connection)", queued.size(), "failed",
                            "the connection was deleted before the CRM's records could be erased; erase them there by hand")
                    : eraseIn(connection, queued);
            QuarkusTransaction.requiringNew().run(() -> {
                records.finishErasure(receiptId, connectionId, outcome);
            });
        });
    }

    /** Delivers every queued erasure older than {@code before} (left by a node that stopped mid-way). */
    public void deliverLeftOver(OffsetDateTime before) {
        for (UUID receiptId : records.queuedReceipts(before)) {
            try {
                deliver(receiptId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Queued erasure %s could not be delivered; the next sweep tries again", receiptId);
            }
        }
    }

    /** The vendor calls, outside any transaction. */
    private ErasureOutcomeRow eraseIn(Connection connection, List<QueuedErasure> queued) {
        Set<String> actions = new LinkedHashSet<>();
        try (ConnectorSession session = connections.connector(connection).open(connections.config(connection))) {
            for (QueuedErasure record : queued) {
                ErasureOutcome outcome = calls.call(session, () -> session.erase(record.objectName(), record.recordId()));
                actions.add(outcome.action() + " (" + outcome.detail() + ")");
            }
            return new ErasureOutcomeRow(connection.id(), connection.name(), queued.size(), "erased", String.join("; ", actions));
        } catch (RuntimeException e) {
            return new ErasureOutcomeRow(connection.id(), connection.name(), queued.size(), "failed",
                    "the CRM could not be reached or refused: " + e.getMessage() + "; erase the records there by hand");
        }
    }

    private CrmObject objectFor(Connection connection, String kind) {
        CrmObject.Becomes becomes = "organisation".equals(kind) ? CrmObject.Becomes.ORGANISATION : CrmObject.Becomes.PERSON;
        return connections.descriptor(connection).objects().stream().filter(o -> o.becomes() == becomes).findFirst()
                .orElseThrow(() -> new IllegalStateException("connector " + connection.connector() + " has no object for " + kind + "s"));
    }

    @Override
    public List<ErasedElsewhere> outcomes(UUID receiptId) {
        return records.erasureOutcomes(receiptId).stream().map(ConnectionErasure::view).toList();
    }

    private static ErasedElsewhere view(ErasureOutcomeRow o) {
        return new ErasedElsewhere(o.connectionId(), o.connectionName(), o.records(), o.outcome(), o.detail());
    }
}
