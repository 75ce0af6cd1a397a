package dev.kreis.platform.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.privacy.ErasedElsewhere;
import dev.kreis.platform.privacy.ErasurePropagation;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository.ErasureOutcomeRow;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.ErasureOutcome;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Carries an erasure to every connection that brought in one of the person's profiles: the connector
 * erases the CRM record (HubSpot's GDPR delete, Salesforce delete), unless the connection's setting
 * {@code erasure=none} says to leave the CRM alone. What the engine kept about those records (pushed values,
 * conflicts, dead letters) goes too. The outcome per connection goes on the erasure receipt.
 */
@ApplicationScoped
public class ConnectionErasure implements ErasurePropagation {
    private final Connections connections;
    private final SyncRecordRepository records;
    private final VendorCalls calls;

    ConnectionErasure(Connections connections, SyncRecordRepository records, VendorCalls calls) {
        this.connections = connections;
        this.records = records;
        this.calls = calls;
    }

    @Override
    public List<ErasedElsewhere> erase(List<ProfileRow> profiles) {
        List<ErasedElsewhere> outcomes = new ArrayList<>();
        for (Connection connection : connections.all()) {
            List<ProfileRow> theirs = profiles.stream().filter(p -> p.source().equals(connection.source())).toList();
            if (theirs.isEmpty()) {
                continue;
            }
            records.forgetRecords(connection.id(), theirs.stream().map(ProfileRow::externalId).toList());
            if (!connection.settings().eraseInCrm()) {
                outcomes.add(new ErasedElsewhere(connection.id(), connection.name(), theirs.size(), "skipped",
                        "the connection's setting erasure=none leaves the CRM's records"));
                continue;
            }
            outcomes.add(eraseIn(connection, theirs));
        }
        return outcomes;
    }

    private ErasedElsewhere eraseIn(Connection connection, List<ProfileRow> profiles) {
        Set<String> actions = new LinkedHashSet<>();
        try (ConnectorSession session = connections.connector(connection).open(connections.config(connection))) {
            for (ProfileRow profile : profiles) {
                CrmObject object = objectFor(connection, profile.kind());
                ErasureOutcome outcome = calls.call(session, () -> session.erase(object.name(), profile.externalId()));
                actions.add(outcome.action() + " (" + outcome.detail() + ")");
            }
            return new ErasedElsewhere(connection.id(), connection.name(), profiles.size(), "erased", String.join("; ", actions));
        } catch (RuntimeException e) {
            return new ErasedElsewhere(connection.id(), connection.name(), profiles.size(), "failed",
                    "the CRM could not be reached or refused: " + e.getMessage() + "; erase the records there by hand");
        }
    }

    private CrmObject objectFor(Connection connection, String kind) {
        CrmObject.Becomes becomes = "organisation".equals(kind) ? CrmObject.Becomes.ORGANISATION : CrmObject.Becomes.PERSON;
        return connections.descriptor(connection).objects().stream().filter(o -> o.becomes() == becomes).findFirst()
                .orElseThrow(() -> new IllegalStateException("connector " + connection.connector() + " has no object for " + kind + "s"));
    }

    @Override
    public void record(UUID receiptId, List<ErasedElsewhere> outcomes) {
        records.erasureOutcomes(receiptId, outcomes.stream()
                .map(o -> new ErasureOutcomeRow(o.connectionId(), o.connectionName(), o.records(), o.outcome(), o.detail())).toList());
    }

    @Override
    public List<ErasedElsewhere> outcomes(UUID receiptId) {
        return records.erasureOutcomes(receiptId).stream()
                .map(o -> new ErasedElsewhere(o.connectionId(), o.connectionName(), o.records(), o.outcome(), o.detail())).toList();
    }
}
