package dev.kreis.platform.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.kreis.platform.identity.CustomerMerging;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.InvalidIdentifierException;
import dev.kreis.platform.identity.ProfileBatchIntake;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;
import dev.kreis.platform.identity.persistence.ProfileBatchRepository;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.CrmRecord;
import dev.kreis.spi.connector.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns one CRM record into its profile: {@code source} is the connection's, {@code externalId} the CRM's
 * record id, e-mail and phone fields become identifiers (so the profile joins the customer it belongs to,
 * and a changed e-mail moves with the same record instead of starting a second customer). Values equal to
 * what Kreis itself last pushed are the echo of that write and are ignored. An archived or deleted record
 * marks its profile deleted. Each attribute is observed at the field's own modification time where the CRM
 * keeps field history, else at the record's.
 *
 * <p>A person associated with an organisation record of the connection (HubSpot's contact→company
 * association, Salesforce's {@code Contact.AccountId}) becomes a member of that organisation's customer.
 * Deals, tickets, opportunities and cases go to {@link CrmActivities}. A merge in the CRM merges in Kreis:
 * a record that names records merged into it ({@link CrmRecord#mergedFrom()}, HubSpot's
 * {@code hs_merged_object_ids}) or a deleted record that names the record it was merged into
 * ({@link CrmRecord#mergedInto()}, Salesforce's {@code MasterRecordId}) merges the merged record's customer
 * into the survivor's with {@link CustomerMerging#merge} (audited, undone with a split), once: the merged
 * record's profile is then marked deleted, and a deleted profile is not merged again, so a later split stays.
 */
@ApplicationScoped
public class RecordApplier {
    private final SyncProfiles profiles;
    private final ProfileRepository profileRows;
    private final ProfileBatchRepository batchRows;
    private final SyncRecordRepository records;
    private final IdentifierNormaliser normaliser;
    private final Connections connections;
    private final CrmActivities activities;
    private final CustomerMerging merging;

    RecordApplier(SyncProfiles profiles, ProfileRepository profileRows, ProfileBatchRepository batchRows, SyncRecordRepository records,
            IdentifierNormaliser normaliser, Connections connections, CrmActivities activities, CustomerMerging merging) {
        this.connections = connections;
        this.activities = activities;
        this.merging = merging;
        this.profiles = profiles;
        this.profileRows = profileRows;
        this.batchRows = batchRows;
        this.records = records;
        this.normaliser = normaliser;
    }

    /** What applying a record did. */
    public enum Applied {
        CREATED, UPDATED, UNCHANGED
    }

    /** The result of a page: what each applied record did, the records to write one by one, the refused ones. */
    public record PageResult(Map<String, Applied> applied, List<CrmRecord> retry, int refused) {
    }

    /** What the store holds about the profiles of a page's records, read with a few queries. */
    private record Known(Map<String, ProfileRow> rows, Map<UUID, Map<String, JsonNode>> attributes, Map<UUID, List<Identifier>> identifiers,
            Set<UUID> deleted) {
    }

    /** What one record asks for: nothing, a deletion mark, or profile submissions (one per modification time). */
    private record Plan(Applied outcome, List<ProfileSubmission> submissions, List<IdentifierRequest> requested, boolean undelete) {
        static Plan done(Applied outcome) {
            return new Plan(outcome, List.of(), List.of(), false);
        }
    }

    /** Applies one record on its own (webhooks, dead-letter retries, and records a page's batch could not take). */
    public Applied apply(Connection connection, CrmObject object, CrmRecord record, Map<String, String> pushed) {
        if (object.becomes() == CrmObject.Becomes.TOUCHPOINT) {
            return activities.apply(connection, connections.descriptor(connection), object, record);
        }
        Plan plan = plan(connection, object, record, pushed, load(connection, List.of(record)));
        if (plan.submissions().isEmpty()) {
            return plan.outcome();
        }
        String actor = "connection:" + connection.id();
        ProfileResult result = null;
        boolean first = true;
        for (ProfileSubmission submission : plan.submissions()) {
            result = profiles.upsert(submission, first ? plan.requested() : List.of(), actor);
            first = false;
        }
        if (plan.undelete()) {
            records.markDeleted(result.profileId(), null);
        }
        mergedFrom(connection, record, result.customerId());
        return plan.outcome();
    }

    /**
     * Applies a page of records with one batch through identity resolution: the page's stored profiles are
     * read together, the profiles of erased persons refused together, and the submissions written in one
     * transaction. A record that cannot be planned or that the batch rejects is answered in {@code retry},
     * for the caller to apply on its own (and dead-letter if it keeps failing); if the whole batch fails,
     * every record of it is.
     */
    public PageResult applyPage(Connection connection, CrmObject object, List<CrmRecord> page, Map<String, Map<String, String>> pushed) {
        Map<String, Applied> applied = new LinkedHashMap<>();
        List<CrmRecord> retry = new ArrayList<>();
        if (object.becomes() == CrmObject.Becomes.TOUCHPOINT) {
            retry.addAll(page);
            return new PageResult(applied, retry, 0);
        }
        Known known;
        try {
            known = load(connection, page);
        } catch (RuntimeException e) {
            return new PageResult(applied, new ArrayList<>(page), 0);
        }
        List<CrmRecord> planned = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (CrmRecord record : page) {
            try {
                Plan plan = plan(connection, object, record, pushed.getOrDefault(record.id(), Map.of()), known);
                if (plan.submissions().isEmpty()) {
                    applied.put(record.id(), plan.outcome());
                } else {
                    planned.add(record);
                    plans.add(plan);
                }
            } catch (RuntimeException e) {
                retry.add(record);
            }
        }
        List<ProfileSubmission> whole = new ArrayList<>();
        List<List<IdentifierRequest>> requested = new ArrayList<>();
        for (Plan plan : plans) {
            whole.add(merged(plan.submissions()));
            requested.add(plan.requested());
        }
        Set<Integer> refused = profiles.refused(whole, requested);
        List<ProfileSubmission> batch = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (!refused.contains(i)) {
                for (ProfileSubmission submission : plans.get(i).submissions()) {
                    batch.add(submission);
                    owner.add(i);
                }
            }
        }
        List<ProfileBatchIntake.Item> items;
        try {
            items = profiles.upsertAll(batch);
        } catch (RuntimeException e) {
            for (int i = 0; i < plans.size(); i++) {
                if (!refused.contains(i)) {
                    retry.add(planned.get(i));
                }
            }
            return new PageResult(applied, retry, refused.size());
        }
        Map<Integer, UUID> profileOf = new HashMap<>();
        Map<Integer, UUID> customerOf = new HashMap<>();
        Set<Integer> rejected = new HashSet<>();
        Set<Integer> changed = new HashSet<>();
        for (int k = 0; k < items.size(); k++) {
            ProfileBatchIntake.Item item = items.get(k);
            if (item.outcome() == ProfileBatchIntake.Outcome.REJECTED) {
                rejected.add(owner.get(k));
            } else {
                profileOf.put(owner.get(k), item.profileId());
                customerOf.put(owner.get(k), item.customerId());
                if (item.outcome() != ProfileBatchIntake.Outcome.UNCHANGED) {
                    changed.add(owner.get(k));
                }
            }
        }
        for (int i = 0; i < plans.size(); i++) {
            if (refused.contains(i)) {
                continue;
            }
            if (rejected.contains(i)) {
                retry.add(planned.get(i));
                continue;
            }
            if (plans.get(i).undelete()) {
                records.markDeleted(profileOf.get(i), null);
            }
            boolean mergedAny = mergedFrom(connection, planned.get(i), customerOf.get(i));
            boolean nothing = !changed.contains(i) && !plans.get(i).undelete() && !mergedAny;
            applied.put(planned.get(i).id(), nothing ? Applied.UNCHANGED : plans.get(i).outcome());
        }
        return new PageResult(applied, retry, refused.size());
    }

    /** The submissions of one record as one, for the suppression check (all its keys and values). */
    private static ProfileSubmission merged(List<ProfileSubmission> submissions) {
        ProfileSubmission first = submissions.get(0);
        if (submissions.size() == 1) {
            return first;
        }
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        submissions.forEach(s -> attributes.putAll(s.attributes()));
        return new ProfileSubmission(first.source(), first.externalId(), first.kind(), attributes, first.identifiers(),
                first.replaceIdentifiers(), first.observedAt(), first.organisationId());
    }

    private Known load(Connection connection, List<CrmRecord> page) {
        Map<String, ProfileRow> rows = new HashMap<>();
        batchRows.findBySourceAndExternalIds(Map.of(connection.source(), page.stream().map(CrmRecord::id).distinct().toList()))
                .forEach(row -> rows.put(row.externalId(), row));
        if (rows.isEmpty()) {
            return new Known(rows, Map.of(), Map.of(), Set.of());
        }
        List<UUID> ids = rows.values().stream().map(ProfileRow::id).toList();
        return new Known(rows, profileRows.attributesOfProfiles(ids), profileRows.identifiersOfProfiles(ids), records.deletedAmong(ids));
    }

    private Plan plan(Connection connection, CrmObject object, CrmRecord record, Map<String, String> pushed, Known known) {
        Optional<ProfileRow> existing = Optional.ofNullable(known.rows().get(record.id()));
        boolean deleted = existing.isPresent() && known.deleted().contains(existing.get().id());
        if (record.deleted()) {
            if (existing.isEmpty() || deleted) {
                return Plan.done(Applied.UNCHANGED);
            }
            if (record.mergedInto().isPresent()) {
                ProfileRow master = profileRows.findBySourceAndExternalId(connection.source(), record.mergedInto().get())
                        .orElseThrow(() -> new ConnectorException(ErrorKind.RETRYABLE, "record " + record.id() + " was merged into "
                                + record.mergedInto().get() + ", which Kreis has not read yet"));
                mergeInto(connection, master.customerId(), existing.get());
            }
            records.markDeleted(existing.get().id(), OffsetDateTime.ofInstant(record.modifiedAt(), ZoneOffset.UTC));
            return Plan.done(Applied.UPDATED);
        }
        List<FieldMapping> mappings = FieldMapping.of(object, connection.settings());
        Map<String, JsonNode> stored = existing.map(p -> known.attributes().getOrDefault(p.id(), Map.of())).orElse(Map.of());
        Map<Instant, Map<String, JsonNode>> changedByTime = new TreeMap<>();
        List<IdentifierRequest> requested = new ArrayList<>();
        Set<Identifier> identifiers = new LinkedHashSet<>();
        for (FieldMapping mapping : mappings) {
            String name = mapping.field().name();
            String value = record.fields().get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (mapping.identifier().isPresent()) {
                IdentifierRequest request = new IdentifierRequest(mapping.identifier().get(), value, null);
                try {
                    identifiers.add(normaliser.normalise(request.type(), null, value));
                    requested.add(request);
                } catch (InvalidIdentifierException e) {
                    throw new ConnectorException(ErrorKind.VALIDATION, "field " + name + " of record " + record.id() + ": " + e.getMessage());
                }
            }
            boolean echo = value.equals(pushed.get(name));
            JsonNode before = stored.get(mapping.attribute());
            boolean same = before != null && before.isTextual() && before.asText().equals(value);
            if (!echo && !same) {
                changedByTime.computeIfAbsent(record.modifiedAt(name), t -> new LinkedHashMap<>()).put(mapping.attribute(), TextNode.valueOf(value));
            }
        }
        boolean identifiersChanged = existing.isEmpty() || !Objects.equals(Set.copyOf(known.identifiers()
                .getOrDefault(existing.get().id(), List.of())), identifiers);
        Optional<UUID> organisation = object.becomes() == CrmObject.Becomes.PERSON ? organisation(connection, record) : Optional.empty();
        boolean memberChanged = organisation.isPresent() && existing.isPresent() && !organisation.get().equals(existing.get().organisationId());
        if (existing.isPresent() && changedByTime.isEmpty() && !identifiersChanged && !deleted && !memberChanged) {
            return Plan.done(mergedFrom(connection, record, existing.get().customerId()) ? Applied.UPDATED : Applied.UNCHANGED);
        }
        String kind = object.becomes() == CrmObject.Becomes.ORGANISATION ? "organisation" : "person";
        if (changedByTime.isEmpty()) {
            changedByTime.put(record.modifiedAt(), Map.of());
        }
        List<ProfileSubmission> submissions = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<Instant, Map<String, JsonNode>> group : changedByTime.entrySet()) {
            submissions.add(new ProfileSubmission(connection.source(), record.id(), kind, group.getValue(),
                    first ? identifiers : Set.of(), first, Optional.of(OffsetDateTime.ofInstant(group.getKey(), ZoneOffset.UTC)),
                    first ? organisation : Optional.empty()));
            first = false;
        }
        return new Plan(existing.isEmpty() ? Applied.CREATED : Applied.UPDATED, submissions, requested, deleted);
    }

    /** The customer of the first associated organisation record Kreis has a profile of. */
    private Optional<UUID> organisation(Connection connection, CrmRecord record) {
        for (CrmObject candidate : connections.descriptor(connection).objects()) {
            if (candidate.becomes() != CrmObject.Becomes.ORGANISATION) {
                continue;
            }
            for (String id : record.associations().getOrDefault(candidate.name(), List.of())) {
                Optional<ProfileRow> profile = profileRows.findBySourceAndExternalId(connection.source(), id);
                if (profile.isPresent()) {
                    return Optional.of(profile.get().customerId());
                }
            }
        }
        return Optional.empty();
    }

    /** Merges the customers of the records the CRM merged into this one; answers whether it merged any. */
    private boolean mergedFrom(Connection connection, CrmRecord record, UUID survivor) {
        boolean merged = false;
        for (String id : record.mergedFrom()) {
            Optional<ProfileRow> profile = profileRows.findBySourceAndExternalId(connection.source(), id.trim());
            if (profile.isPresent() && !id.trim().equals(record.id()) && records.deletedAt(profile.get().id()).isEmpty()) {
                mergeInto(connection, survivor, profile.get());
                records.markDeleted(profile.get().id(), OffsetDateTime.ofInstant(record.modifiedAt(), ZoneOffset.UTC));
                merged = true;
            }
        }
        return merged;
    }

    private void mergeInto(Connection connection, UUID survivor, ProfileRow merged) {
        if (!merged.customerId().equals(survivor)) {
            merging.merge(survivor, List.of(merged.customerId()), "connection:" + connection.id());
        }
    }
}
