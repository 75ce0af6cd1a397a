package dev.kreis.platform.sync;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kreis.platform.privacy.ConsentDecision;
import dev.kreis.platform.privacy.persistence.ConsentRepository;
import dev.kreis.platform.sync.persistence.CursorRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository.Withdrawal;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.RecordUpsert;
import dev.kreis.spi.connector.WriteOutcome;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pushes consent withdrawals as the CRM's opt-out fields ({@link ConnectorSession#optOutFields}): for every
 * record of the connection whose customer's effective decision for the purpose (setting
 * {@code consent.purpose}, default {@code marketing}) on a channel ({@code email}, {@code phone}, or
 * {@code any} for both) is a withdrawal recorded since the last push, the channel's opt-out field is set to
 * {@code true}. Keyed on the CRM's record id, in the connector's batch size. Kreis never clears an opt-out
 * (a grant after a withdrawal is left to the CRM's own re-subscription process). Runs at the end of every
 * run unless the setting {@code consent.push} is {@code false}; its watermark is the cursor
 * {@code consent:<object>}.
 */
@ApplicationScoped
public class ConsentPush {
    private static final String PREFIX = "consent:";
    private static final int PAGE = 1000;

    private final SyncRecordRepository records;
    private final ConsentRepository consents;
    private final CursorRepository cursors;
    private final VendorCalls calls;

    ConsentPush(SyncRecordRepository records, ConsentRepository consents, CursorRepository cursors, VendorCalls calls) {
        this.records = records;
        this.consents = consents;
        this.cursors = cursors;
        this.calls = calls;
    }

    public void push(Connection connection, ConnectorSession session, CrmObject object, RunCounts counts, Runnable checkpoint) {
        Map<String, String> fields = session.optOutFields(object.name());
        if (fields.isEmpty() || "false".equals(connection.settings().values().get("consent.push"))) {
            return;
        }
        String purpose = connection.settings().values().getOrDefault("consent.purpose", "marketing");
        String cursor = PREFIX + object.name();
        OffsetDateTime since = cursors.find(connection.id(), cursor).watermark().orElse(OffsetDateTime.parse("1970-01-01T00:00:00Z"));
        int batch = Math.max(1, session.maxBatch());
        while (true) {
            List<Withdrawal> page = records.withdrawalsSince(connection.source(), purpose, since, PAGE);
            if (page.isEmpty()) {
                return;
            }
            List<RecordUpsert> upserts = new ArrayList<>();
            for (Withdrawal withdrawal : page) {
                Map<String, String> values = new LinkedHashMap<>();
                fields.forEach((channel, field) -> {
                    if (withdrawn(withdrawal, purpose, channel)) {
                        values.put(field, "true");
                    }
                });
                if (!values.isEmpty()) {
                    upserts.add(RecordUpsert.update(withdrawal.recordId(), values));
                }
            }
            for (int from = 0; from < upserts.size(); from += batch) {
                List<RecordUpsert> chunk = upserts.subList(from, Math.min(upserts.size(), from + batch));
                List<WriteOutcome> outcomes = calls.call(session, () -> session.write(object.name(), chunk));
                for (WriteOutcome outcome : outcomes) {
                    if (outcome.succeeded()) {
                        counts.pushed++;
                    } else {
                        counts.failed++;
                    }
                }
            }
            since = page.get(page.size() - 1).recordedAt();
            cursors.complete(connection.id(), cursor, Optional.of(since));
            checkpoint.run();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** Whether the customer's effective decision for the purpose on the channel (or {@code any}) is a withdrawal. */
    private boolean withdrawn(Withdrawal withdrawal, String purpose, String channel) {
        ConsentDecision winner = null;
        for (ConsentDecision decision : consents.ofCustomer(withdrawal.customerId(), purpose, channel)) {
            if (winner == null || decision.prevailsOver(winner)) {
                winner = decision;
            }
        }
        return winner != null && !winner.granted();
    }
}
