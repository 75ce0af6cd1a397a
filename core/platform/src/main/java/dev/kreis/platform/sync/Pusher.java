package dev.kreis.platform.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.customer.AttributeObservation;
import dev.kreis.platform.customer.GoldenAttribute;
import dev.kreis.platform.customer.GoldenRecord;
import dev.kreis.platform.customer.SurvivorshipPolicies;
import dev.kreis.platform.customer.persistence.SurvivorshipRepository;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.InvalidIdentifierException;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.sync.persistence.CursorRepository;
import dev.kreis.platform.sync.persistence.PushCandidates;
import dev.kreis.platform.sync.persistence.PushCandidates.Candidate;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository.Conflict;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmField;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.RecordUpsert;
import dev.kreis.spi.connector.WriteOutcome;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pushes Kreis's values to the CRM for customers that have a profile from the connection and changed
 * since the last push: the golden value of every writable mapped field where it differs from the CRM's
 * (and from what Kreis pushed last), and Kreis's CX fields. Keyed on the CRM's record id, in batches of
 * the connector's size. Where both sides changed a field the connection's policy decides, and the losing
 * value is recorded with the winner.
 */
@ApplicationScoped
public class Pusher {
    static final String CUSTOMER_ID = "kreis.customerId";
    private static final String PUSH_PREFIX = "push:";

    private final PushCandidates candidates;
    private final ProfileRepository profiles;
    private final SurvivorshipRepository policies;
    private final SyncRecordRepository records;
    private final CursorRepository cursors;
    private final DeadLetters deadLetters;
    private final VendorCalls calls;
    private final SyncConfig config;
    private final Clock clock;
    private final CxFields cxFields;
    private final SyncProfiles syncProfiles;
    private final IdentifierNormaliser normaliser;

    Pusher(CxFields cxFields, SyncProfiles syncProfiles, IdentifierNormaliser normaliser, PushCandidates candidates, ProfileRepository profiles, SurvivorshipRepository policies, SyncRecordRepository records,
            CursorRepository cursors, DeadLetters deadLetters, VendorCalls calls, SyncConfig config, Clock clock) {
        this.cxFields = cxFields;
        this.syncProfiles = syncProfiles;
        this.normaliser = normaliser;
        this.candidates = candidates;
        this.profiles = profiles;
        this.policies = policies;
        this.records = records;
        this.cursors = cursors;
        this.deadLetters = deadLetters;
        this.calls = calls;
        this.config = config;
        this.clock = clock;
    }

    public void push(Connection connection, ConnectorSession session, CrmObject object, RunCounts counts, Runnable checkpoint) {
        OffsetDateTime started = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime since = cursors.find(connection.id(), PUSH_PREFIX + object.name()).watermark().orElse(OffsetDateTime.parse("1970-01-01T00:00:00Z"));
        if (!object.pushFields().isEmpty()) {
            calls.call(session, () -> {
                session.ensurePushFields(object);
                return null;
            });
        }
        String kind = object.becomes() == CrmObject.Becomes.ORGANISATION ? "organisation" : "person";
        SurvivorshipPolicies current = policies.load();
        List<FieldMapping> mappings = FieldMapping.of(object, connection.settings()).stream().filter(m -> m.field().writable()).toList();
        int batch = Math.max(1, session.maxBatch());
        UUID after = new UUID(0L, 0L); // the nil UUID sorts first (databases order UUIDs as unsigned bytes) and is no profile's id
        Set<String> dead = deadLetters.open(connection.id(), object.name(), DeadLetters.PUSH);
        while (true) {
            List<Candidate> page = candidates.page(connection.source(), kind, since, after, batch, !object.pushFields().isEmpty());
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).profileId();
            List<String> written = write(connection, session, object, changes(connection, object, page, mappings, current), counts);
            counts.deadLettersResolved += deadLetters.resolve(connection.id(), object.name(), DeadLetters.PUSH,
                    written.stream().filter(dead::remove).toList());
            checkpoint.run();
        }
        if (connection.settings().createRecords() && object.becomes() == CrmObject.Becomes.PERSON) {
            create(connection, session, object, since, mappings, current, counts, checkpoint);
        }
        cursors.started(connection.id(), PUSH_PREFIX + object.name(), started);
        cursors.complete(connection.id(), PUSH_PREFIX + object.name(), java.util.Optional.of(started));
    }

    private Map<String, Map<String, String>> changes(Connection connection, CrmObject object, List<Candidate> page, List<FieldMapping> mappings,
            SurvivorshipPolicies current) {
        Map<UUID, List<AttributeObservation>> observations = profiles.observationsOfCustomers(page.stream().map(Candidate::customerId).distinct().toList());
        Map<String, Map<String, String>> pushed = records.pushedValues(connection.id(), object.name(), page.stream().map(Candidate::recordId).toList());
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Map<String, String>> upserts = new LinkedHashMap<>();
        for (Candidate candidate : page) {
            List<AttributeObservation> all = observations.getOrDefault(candidate.customerId(), List.of());
            Map<String, GoldenAttribute> golden = GoldenRecord.derive(all, current);
            Map<String, AttributeObservation> crm = new LinkedHashMap<>();
            all.stream().filter(o -> o.profileId().equals(candidate.profileId())).forEach(o -> crm.put(o.name(), o));
            Map<String, String> last = pushed.getOrDefault(candidate.recordId(), Map.of());
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldMapping mapping : mappings) {
                GoldenAttribute winner = golden.get(mapping.attribute());
                if (winner == null || winner.profileId().equals(candidate.profileId())) {
                    continue;
                }
                String value = text(winner.value());
                AttributeObservation theirs = crm.get(mapping.attribute());
                String crmValue = theirs == null || theirs.isEmpty() ? null : text(theirs.value());
                String field = mapping.field().name();
                if (value.equals(crmValue) || value.equals(last.get(field))) {
                    continue;
                }
                ConflictPolicy policy = connection.settings().conflictPolicy(object.name(), field, mapping.attribute());
                boolean kreisWins = crmValue == null || switch (policy) {
                    case KREIS_WINS -> true;
                    case CRM_WINS -> false;
                    case LAST_WRITER_WINS -> winner.observedAt().isAfter(theirs.observedAt());
                };
                if (kreisWins) {
                    fields.put(field, value);
                    if (crmValue != null) {
                        records.conflict(connection.id(), new Conflict(object.name(), candidate.recordId(), candidate.profileId(), field, "kreis",
                                value, crmValue, policy.wire(), now));
                    }
                } else if (records.conflicts(connection.id(), candidate.recordId()).stream()
                        .noneMatch(c -> c.field().equals(field) && c.losingValue().equals(value) && c.winner().equals("crm"))) {
                    records.conflict(connection.id(), new Conflict(object.name(), candidate.recordId(), winner.profileId(), field, "crm",
                            crmValue, value, policy.wire(), now));
                }
            }
            Map<String, String> cx = object.pushFields().isEmpty() ? Map.of() : cxFields.of(candidate.customerId());
            for (CrmField field : object.pushFields()) {
                String value = cx.get(field.attribute());
                if (value != null && !value.equals(last.get(field.name()))) {
                    fields.put(field.name(), value);
                }
            }
            if (!fields.isEmpty()) {
                upserts.put(candidate.recordId(), fields);
            }
        }
        return upserts;
    }

    /**
     * With the connection's {@code createRecords} setting: creates a CRM record for each customer that changed
     * since the last push, came from elsewhere (no profile of the connection's source) and has a golden value
     * for the object's identifier field (e-mail), with its golden values and CX fields; the new record then
     * becomes the customer's profile from the connection (joined by that identifier), so it is created once
     * and updated from then on.
     */
    private void create(Connection connection, ConnectorSession session, CrmObject object, OffsetDateTime since, List<FieldMapping> mappings,
            SurvivorshipPolicies current, RunCounts counts, Runnable checkpoint) {
        FieldMapping key = mappings.stream().filter(m -> m.identifier().isPresent()).findFirst().orElse(null);
        if (key == null) {
            return;
        }
        int batch = Math.max(1, session.maxBatch());
        UUID after = new UUID(0L, 0L);
        while (true) {
            List<UUID> customers = candidates.withoutProfileOf(connection.source(), "person", since, after, batch);
            if (customers.isEmpty()) {
                return;
            }
            after = customers.get(customers.size() - 1);
            Map<UUID, List<AttributeObservation>> observations = profiles.observationsOfCustomers(customers);
            Map<UUID, String> keys = identifierValues(customers, key.identifier().get());
            List<UUID> ids = new ArrayList<>();
            List<RecordUpsert> upserts = new ArrayList<>();
            for (UUID customer : customers) {
                Map<String, GoldenAttribute> golden = GoldenRecord.derive(observations.getOrDefault(customer, List.of()), current);
                GoldenAttribute identifier = golden.get(key.attribute());
                String keyValue = identifier != null && !text(identifier.value()).isBlank() ? text(identifier.value()) : keys.get(customer);
                if (keyValue == null) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put(key.field().name(), keyValue);
                for (FieldMapping mapping : mappings) {
                    GoldenAttribute value = golden.get(mapping.attribute());
                    if (value != null && !text(value.value()).isBlank()) {
                        fields.put(mapping.field().name(), text(value.value()));
                    }
                }
                Map<String, String> cx = object.pushFields().isEmpty() ? Map.of() : cxFields.of(customer);
                object.pushFields().forEach(f -> {
                    if (cx.containsKey(f.attribute())) {
                        fields.put(f.name(), cx.get(f.attribute()));
                    }
                });
                ids.add(customer);
                upserts.add(new RecordUpsert(java.util.Optional.empty(), fields));
            }
            if (!upserts.isEmpty()) {
                List<WriteOutcome> outcomes = calls.call(session, () -> session.write(object.name(), upserts));
                OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                for (int i = 0; i < upserts.size(); i++) {
                    WriteOutcome outcome = i < outcomes.size() ? outcomes.get(i) : null;
                    if (outcome == null || !outcome.succeeded() || outcome.recordId().isEmpty()) {
                        counts.failed++;
                        continue;
                    }
                    String recordId = outcome.recordId().get();
                    String value = upserts.get(i).fields().get(key.field().name());
                    IdentifierRequest request = new IdentifierRequest(key.identifier().get(), value, null);
                    java.util.Set<Identifier> identifiers;
                    try {
                        identifiers = java.util.Set.of(normaliser.normalise(request.type(), null, value));
                    } catch (InvalidIdentifierException e) {
                        counts.failed++;
                        continue;
                    }
                    syncProfiles.upsert(new ProfileSubmission(connection.source(), recordId, "person", Map.of(), identifiers, true,
                            java.util.Optional.of(now), java.util.Optional.empty()), List.of(request), "connection:" + connection.id());
                    records.pushed(connection.id(), object.name(), recordId, upserts.get(i).fields(), now);
                    counts.pushed++;
                    counts.created++;
                }
            }
            checkpoint.run();
        }
    }

    /** Per customer the value of its first identifier of the type (e.g. the e-mail a shop profile brought), where it has one. */
    private Map<UUID, String> identifierValues(List<UUID> customers, String type) {
        List<dev.kreis.platform.identity.persistence.ProfileRow> rows = profiles.ofCustomers(customers);
        Map<UUID, List<Identifier>> identifiers = profiles.identifiersOfProfiles(rows.stream().map(r -> r.id()).toList());
        Map<UUID, String> values = new java.util.HashMap<>();
        for (dev.kreis.platform.identity.persistence.ProfileRow row : rows) {
            for (Identifier identifier : identifiers.getOrDefault(row.id(), List.of())) {
                if (identifier.type().wire().equals(type)) {
                    values.putIfAbsent(row.customerId(), identifier.value());
                }
            }
        }
        return values;
    }

    /** Writes the changes of a page; answers the ids of the records written. */
    private List<String> write(Connection connection, ConnectorSession session, CrmObject object, Map<String, Map<String, String>> upserts,
            RunCounts counts) {
        if (upserts.isEmpty()) {
            return List.of();
        }
        List<String> written = new ArrayList<>();
        List<String> ids = new ArrayList<>(upserts.keySet());
        List<RecordUpsert> batch = ids.stream().map(id -> RecordUpsert.update(id, upserts.get(id))).toList();
        List<WriteOutcome> outcomes = calls.call(session, () -> session.write(object.name(), batch));
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            WriteOutcome outcome = i < outcomes.size() ? outcomes.get(i)
                    : WriteOutcome.failed(java.util.Optional.of(id), new ConnectorException(dev.kreis.spi.connector.ErrorKind.RETRYABLE,
                            "the connector answered no outcome for this record"));
            if (outcome.succeeded()) {
                records.pushed(connection.id(), object.name(), id, upserts.get(id), now);
                counts.pushed++;
                written.add(id);
            } else if (retryOne(connection, session, object, id, upserts.get(id), outcome.error().get(), counts)) {
                written.add(id);
            }
        }
        return written;
    }

    /**
     * A record the batch could not write is tried alone, up to {@code kreis.sync.dead-letter-after} attempts in all; answers
     * whether it was written.
     */
    private boolean retryOne(Connection connection, ConnectorSession session, CrmObject object, String id, Map<String, String> fields,
            ConnectorException first, RunCounts counts) {
        counts.failed++;
        RuntimeException last = first;
        for (int attempt = 2; attempt <= config.deadLetterAfter(); attempt++) {
            try {
                WriteOutcome outcome = calls.call(session, () -> session.write(object.name(), List.of(RecordUpsert.update(id, fields)))).get(0);
                if (outcome.succeeded()) {
                    records.pushed(connection.id(), object.name(), id, fields, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
                    counts.pushed++;
                    return true;
                }
                last = outcome.error().get();
            } catch (ConnectorException e) {
                last = e;
            }
            counts.failed++;
        }
        deadLetters.deadLetter(connection.id(), object.name(), id, DeadLetters.PUSH, fields, last, config.deadLetterAfter(), counts.runId());
        counts.deadLettered++;
        return false;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
