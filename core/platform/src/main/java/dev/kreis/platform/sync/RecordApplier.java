package dev.kreis.platform.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

import dev.kreis.platform.customer.AttributeObservation;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.CustomerMerging;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.InvalidIdentifierException;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;
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
    private final SyncRecordRepository records;
    private final IdentifierNormaliser normaliser;
    private final Connections connections;
    private final CrmActivities activities;
    private final CustomerMerging merging;

    RecordApplier(SyncProfiles profiles, ProfileRepository profileRows, SyncRecordRepository records, IdentifierNormaliser normaliser,
            Connections connections, CrmActivities activities, CustomerMerging merging) {
        this.connections = connections;
        this.activities = activities;
        this.merging = merging;
        this.profiles = profiles;
        this.profileRows = profileRows;
        this.records = records;
        this.normaliser = normaliser;
    }

    /** What applying a record did. */
    public enum Applied {
        CREATED, UPDATED, UNCHANGED
    }

    public Applied apply(Connection connection, CrmObject object, CrmRecord record, Map<String, String> pushed) {
        if (object.becomes() == CrmObject.Becomes.TOUCHPOINT) {
            return activities.apply(connection, connections.descriptor(connection), object, record);
        }
        Optional<ProfileRow> existing = profileRows.findBySourceAndExternalId(connection.source(), record.id());
        if (record.deleted()) {
            if (existing.isEmpty() || records.deletedAt(existing.get().id()).isPresent()) {
                return Applied.UNCHANGED;
            }
            if (record.mergedInto().isPresent()) {
                ProfileRow master = profileRows.findBySourceAndExternalId(connection.source(), record.mergedInto().get())
                        .orElseThrow(() -> new ConnectorException(ErrorKind.RETRYABLE, "record " + record.id() + " was merged into "
                                + record.mergedInto().get() + ", which Kreis has not read yet"));
                mergeInto(connection, master.customerId(), existing.get());
            }
            records.markDeleted(existing.get().id(), OffsetDateTime.ofInstant(record.modifiedAt(), ZoneOffset.UTC));
            return Applied.UPDATED;
        }
        List<FieldMapping> mappings = FieldMapping.of(object, connection.settings());
        Map<String, AttributeObservation> stored = existing.map(profileRows::attributes).orElse(Map.of());
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
            AttributeObservation before = stored.get(mapping.attribute());
            boolean same = before != null && before.value() != null && before.value().isTextual() && before.value().asText().equals(value);
            if (!echo && !same) {
                changedByTime.computeIfAbsent(record.modifiedAt(name), t -> new LinkedHashMap<>()).put(mapping.attribute(), TextNode.valueOf(value));
            }
        }
        Optional<UUID> organisation = object.becomes() == CrmObject.Becomes.PERSON ? organisation(connection, record) : Optional.empty();
        boolean memberChanged = organisation.isPresent() && existing.isPresent() && !organisation.get().equals(existing.get().organisationId());
        boolean undeleted = existing.isPresent() && records.deletedAt(existing.get().id()).isPresent();
        boolean identifiersChanged = existing.isEmpty() || !Objects.equals(Set.copyOf(profileRows.identifiersOfProfiles(
                List.of(existing.get().id())).getOrDefault(existing.get().id(), List.of())), identifiers);
        if (existing.isPresent() && changedByTime.isEmpty() && !identifiersChanged && !undeleted && !memberChanged) {
            return mergedFrom(connection, record, existing.get().customerId()) ? Applied.UPDATED : Applied.UNCHANGED;
        }
        String kind = object.becomes() == CrmObject.Becomes.ORGANISATION ? "organisation" : "person";
        String actor = "connection:" + connection.id();
        if (changedByTime.isEmpty()) {
            changedByTime.put(record.modifiedAt(), Map.of());
        }
        ProfileResult result = null;
        boolean first = true;
        for (Map.Entry<Instant, Map<String, JsonNode>> group : changedByTime.entrySet()) {
            ProfileSubmission submission = new ProfileSubmission(connection.source(), record.id(), kind, group.getValue(),
                    first ? identifiers : Set.of(), first, Optional.of(OffsetDateTime.ofInstant(group.getKey(), ZoneOffset.UTC)),
                    first ? organisation : Optional.empty());
            result = profiles.upsert(submission, first ? requested : List.of(), actor);
            first = false;
        }
        if (undeleted) {
            records.markDeleted(result.profileId(), null);
        }
        mergedFrom(connection, record, result.customerId());
        return existing.isEmpty() ? Applied.CREATED : Applied.UPDATED;
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
