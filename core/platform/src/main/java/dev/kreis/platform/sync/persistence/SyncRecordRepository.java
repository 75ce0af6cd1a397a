package dev.kreis.platform.sync.persistence;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the engine keeps per CRM record: the values Kreis last pushed (only changed values go out; a pulled
 * value equal to one is the echo of Kreis's write), field conflicts with the losing value, applied webhook
 * events, and the CRM profiles' deletion marks.
 */
@ApplicationScoped
public class SyncRecordRepository {
    private final Jdbc jdbc;

    SyncRecordRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** field → value Kreis last wrote, per record id. */
    public Map<String, Map<String, String>> pushedValues(UUID connectionId, String object, Collection<String> recordIds) {
        Map<String, Map<String, String>> result = new HashMap<>();
        if (recordIds.isEmpty()) {
            return result;
        }
        List<Object> params = new java.util.ArrayList<>(List.of(connectionId, object));
        params.addAll(recordIds);
        jdbc.query("select record_id, field, field_value from sync_pushed_value where connection_id = ? and object_name = ? and record_id in ("
                + Jdbc.markers(recordIds.size()) + ")", row -> result.computeIfAbsent(row.getString(1), k -> new HashMap<>())
                        .put(row.getString(2), row.getString(3)), params.toArray());
        return result;
    }

    public void pushed(UUID connectionId, String object, String recordId, Map<String, String> values, OffsetDateTime at) {
        values.forEach((field, value) -> {
            if (jdbc.update("update sync_pushed_value set field_value = ?, pushed_at = ? where connection_id = ? and object_name = ?"
                    + " and record_id = ? and field = ?", value, at, connectionId, object, recordId, field) == 0) {
                jdbc.update("insert into sync_pushed_value (connection_id, object_name, record_id, field, field_value, pushed_at)"
                        + " values (?, ?, ?, ?, ?, ?)", connectionId, object, recordId, field, value, at);
            }
        });
    }

    /** A field conflict, decided: the winner's value and the losing value it replaced. */
    public record Conflict(String object, String recordId, UUID profileId, String field, String winner, String winningValue,
            String losingValue, String policy, OffsetDateTime decidedAt) {
    }

    public void conflict(UUID connectionId, Conflict conflict) {
        jdbc.update("insert into sync_conflict (id, connection_id, object_name, record_id, profile_id, field, winner, winning_value,"
                + " losing_value, policy, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), connectionId,
                conflict.object(), conflict.recordId(), conflict.profileId(), conflict.field(), conflict.winner(),
                cut(conflict.winningValue()), cut(conflict.losingValue()), conflict.policy(), conflict.decidedAt());
    }

    public List<Conflict> conflicts(UUID connectionId, String recordId) {
        return jdbc.query("select object_name, record_id, profile_id, field, winner, winning_value, losing_value, policy, decided_at"
                + " from sync_conflict where connection_id = ? and record_id = ? order by decided_at, id",
                row -> new Conflict(row.getString(1), row.getString(2), Jdbc.uuid(row, "profile_id"), row.getString(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8), Jdbc.time(row, "decided_at")), connectionId, recordId);
    }

    /** Records a webhook event; false when it had been seen before. */
    public boolean firstSight(UUID connectionId, String eventId, OffsetDateTime at) {
        try {
            return jdbc.update("insert into sync_webhook_event (connection_id, event_id, received_at) select ?, ?, ?"
                    + " where not exists (select 1 from sync_webhook_event where connection_id = ? and event_id = ?)", connectionId, eventId,
                    at, connectionId, eventId) == 1;
        } catch (StorageException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    public void pruneWebhookEvents(OffsetDateTime before) {
        jdbc.update("delete from sync_webhook_event where received_at < ?", before);
    }

    /** Marks a profile as deleted in its CRM (or clears the mark when the record came back). */
    public void markDeleted(UUID profileId, OffsetDateTime at) {
        jdbc.update("update profile set deleted_at = ? where id = ?", at, profileId);
    }

    /** Which of the profiles are marked deleted in their CRM. */
    public java.util.Set<UUID> deletedAmong(Collection<UUID> profileIds) {
        java.util.Set<UUID> deleted = new java.util.HashSet<>();
        List<UUID> ids = List.copyOf(profileIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("select id from profile where deleted_at is not null and id in (" + Jdbc.markers(chunk.size()) + ")",
                    row -> deleted.add(Jdbc.uuid(row, "id")), chunk.toArray());
        }
        return deleted;
    }

    public java.util.Optional<OffsetDateTime> deletedAt(UUID profileId) {
        return jdbc.queryOne("select deleted_at from profile where id = ?", row -> java.util.Optional.ofNullable(Jdbc.time(row, "deleted_at")),
                profileId).flatMap(t -> t);
    }

    /**
     * Purges what a connection brought in: the attributes and identifiers of its source's profiles go and
     * the profiles are marked deleted (the rows stay, as touchpoints and identity history refer to them).
     * Answers how many profiles were purged.
     */
    public int purgeSource(String source, OffsetDateTime at) {
        jdbc.update("delete from profile_attribute where profile_id in (select id from profile where source = ?)", source);
        jdbc.update("delete from profile_identifier where profile_id in (select id from profile where source = ?)", source);
        return jdbc.update("update profile set deleted_at = ? where source = ? and deleted_at is null", at, source);
    }

    /** Forgets what the engine kept about CRM records of an erased person: pushed values, conflicts, dead letters. */
    public void forgetRecords(UUID connectionId, List<String> recordIds) {
        for (String recordId : recordIds) {
            for (String table : List.of("sync_pushed_value", "sync_conflict", "sync_dead_letter")) {
                jdbc.update("delete from " + table + " where connection_id = ? and record_id = ?", connectionId, recordId);
            }
        }
    }

    /** What an erasure did in a connection, for the receipt. */
    public record ErasureOutcomeRow(UUID connectionId, String connectionName, int records, String outcome, String detail) {
    }

    public void erasureOutcomes(UUID receiptId, List<ErasureOutcomeRow> outcomes) {
        for (ErasureOutcomeRow o : outcomes) {
            jdbc.update("insert into sync_erasure_outcome (receipt_id, connection_id, connection_name, records, outcome, detail)"
                    + " values (?, ?, ?, ?, ?, ?)", receiptId, o.connectionId(), o.connectionName(), o.records(), o.outcome(), cut(o.detail()));
        }
    }

    public List<ErasureOutcomeRow> erasureOutcomes(UUID receiptId) {
        return jdbc.query("select connection_id, connection_name, records, outcome, detail from sync_erasure_outcome"
                + " where receipt_id = ? order by connection_name, connection_id", row -> new ErasureOutcomeRow(Jdbc.uuid(row,
                        "connection_id"), row.getString(2), row.getInt(3), row.getString(4), row.getString(5)), receiptId);
    }

    /** A CRM record whose customer had a consent withdrawn, recorded at {@code recordedAt}. */
    public record Withdrawal(String recordId, UUID customerId, OffsetDateTime recordedAt) {
    }

    /**
     * The records of the source (live person profiles) whose customers had a consent decision for the purpose
     * withdrawn and recorded after {@code since}, oldest first, at most {@code limit}.
     */
    public List<Withdrawal> withdrawalsSince(String source, String purpose, OffsetDateTime since, int limit) {
        return jdbc.query("select p2.external_id, p2.customer_id, max(c.recorded_at) as recorded_at from consent c"
                + " join profile p on p.id = c.profile_id join profile p2 on p2.customer_id = p.customer_id"
                + " where c.status = 'withdrawn' and c.purpose = ? and c.recorded_at > ? and p2.source = ? and p2.kind = 'person'"
                + " and p2.deleted_at is null group by p2.external_id, p2.customer_id order by 3, 1 limit " + Math.max(1, limit),
                row -> new Withdrawal(row.getString(1), Jdbc.uuid(row, "customer_id"), Jdbc.time(row, "recorded_at")), purpose, since, source);
    }

    /** A CRM record queued for erasure after the erasure's transaction. */
    public record QueuedErasure(UUID receiptId, UUID connectionId, String objectName, String recordId) {
    }

    public void queueErasure(QueuedErasure queued, OffsetDateTime at) {
        jdbc.update("insert into sync_erasure_queue (receipt_id, connection_id, object_name, record_id, queued_at) values (?, ?, ?, ?, ?)",
                queued.receiptId(), queued.connectionId(), queued.objectName(), queued.recordId(), at);
    }

    public List<QueuedErasure> queuedErasures(UUID receiptId) {
        return jdbc.query("select receipt_id, connection_id, object_name, record_id from sync_erasure_queue where receipt_id = ?"
                + " order by connection_id, record_id", row -> new QueuedErasure(Jdbc.uuid(row, "receipt_id"), Jdbc.uuid(row, "connection_id"),
                        row.getString(3), row.getString(4)), receiptId);
    }

    /** Receipts with records still queued since before {@code before}. */
    public List<UUID> queuedReceipts(OffsetDateTime before) {
        return jdbc.query("select distinct receipt_id from sync_erasure_queue where queued_at < ?", row -> Jdbc.uuid(row, "receipt_id"), before);
    }

    /** Replaces a connection's pending outcome with the final one and drops its queued records. */
    public void finishErasure(UUID receiptId, UUID connectionId, ErasureOutcomeRow outcome) {
        jdbc.update("delete from sync_erasure_queue where receipt_id = ? and connection_id = ?", receiptId, connectionId);
        if (jdbc.update("update sync_erasure_outcome set outcome = ?, detail = ?, records = ? where receipt_id = ? and connection_id = ?",
                outcome.outcome(), cut(outcome.detail()), outcome.records(), receiptId, connectionId) == 0) {
            erasureOutcomes(receiptId, List.of(outcome));
        }
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
