package dev.kreis.platform.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.kreis.platform.api.ApiException;
import dev.kreis.platform.customer.AttributeObservation;
import dev.kreis.platform.identity.persistence.IdentifierMatch;
import dev.kreis.platform.identity.persistence.ProfileBatchRepository;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.storage.StorageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identity resolution for many profiles at once (bulk imports, connectors' initial loads): the same rules
 * as {@link ProfileIntake} — upsert on (source, externalId), a shared identifier joins the oldest customer,
 * several linked customers are merged — but a batch reads what it needs in a few queries and writes new
 * profiles with JDBC batches. Only rows that touch an existing profile or link several customers go through
 * the one-by-one path, inside the same transaction. Rows are resolved in order, so a later row sees what an
 * earlier row of the batch created.
 */
@ApplicationScoped
public class ProfileBatchIntake {
    private static final int ATTEMPTS = 3;

    private final ProfileIntake single;
    private final ProfileRepository profiles;
    private final ProfileBatchRepository batches;
    private final MergeSuggestions suggestions;
    private final IdentityLocks locks;
    private final Clock clock;

    ProfileBatchIntake(ProfileIntake single, ProfileRepository profiles, ProfileBatchRepository batches, MergeSuggestions suggestions,
            IdentityLocks locks, Clock clock) {
        this.single = single;
        this.profiles = profiles;
        this.batches = batches;
        this.suggestions = suggestions;
        this.locks = locks;
        this.clock = clock;
    }

    /** What happened to one submission of a batch. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    /** The outcome of the submission at the same position; {@code error} is set only when rejected. */
    public record Item(Outcome outcome, UUID customerId, UUID profileId, String error) {
        static Item rejected(String error) {
            return new Item(Outcome.REJECTED, null, null, error);
        }
    }

    /** Resolves the batch in a transaction of its own that has committed on return. */
    public List<Item> submitAll(List<ProfileSubmission> batch) {
        List<String> keys = new ArrayList<>();
        batch.forEach(s -> keys.addAll(ProfileIntake.keys(s)));
        for (int attempt = 1;; attempt++) {
            try {
                return locks.around(keys, () -> QuarkusTransaction.requiringNew().call(() -> resolveAll(batch, keys)));
            } catch (StorageException e) {
                if (!e.isUniqueViolation() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Resolves the batch in the caller's running transaction (a dry run rolls it back afterwards). Holds this
     * node's identity locks while it runs; the cross-node locks last until the caller's transaction ends.
     */
    public List<Item> submitAllInTransaction(List<ProfileSubmission> batch) {
        List<String> keys = new ArrayList<>();
        batch.forEach(s -> keys.addAll(ProfileIntake.keys(s)));
        return locks.around(keys, () -> resolveAll(batch, keys));
    }

    private List<Item> resolveAll(List<ProfileSubmission> batch, List<String> keys) {
        single.lockAcrossNodes(keys);
        Pending pending = new Pending();
        List<Item> results = new ArrayList<>();
        Known known = null;
        for (int i = 0; i < batch.size(); i++) {
            ProfileSubmission submission = batch.get(i);
            String key = key(submission.source(), submission.externalId());
            if (pending.keys.contains(key)) {
                // A second submission for a profile the batch writes: what the first wrote must be stored before.
                pending.flush();
                pending = new Pending();
                known = null;
            }
            if (known == null) {
                known = load(batch.subList(i, batch.size()));
            }
            ProfileRow existing = known.existing.get(key);
            Set<UUID> linked = known.linked(submission, pending.replaced);
            linked.addAll(pending.linked(submission));
            if (existing == null && linked.size() <= 1 && submission.organisationId().isEmpty()) {
                results.add(pending.add(submission, linked.isEmpty() ? null : linked.iterator().next()));
                continue;
            }
            // Unchanged or a plain update only while the identifiers link no other customer (else one-by-one merges them).
            if (existing != null && existing.kind().equals(submission.kind()) && linked.stream().allMatch(existing.customerId()::equals)) {
                if (known.unchanged(existing, submission, OffsetDateTime.now(clock))) {
                    results.add(new Item(Outcome.UNCHANGED, existing.customerId(), existing.id(), null));
                    continue;
                }
                if (submission.organisationId().isEmpty()) {
                    // An update that links the profile to no other customer: no merge, written with the batch.
                    results.add(pending.update(existing, submission, known.observations.getOrDefault(existing.id(), Map.of())));
                    continue;
                }
            }
            if (!pending.isEmpty()) {
                pending.flush();
                pending = new Pending();
            }
            results.add(resolveOne(submission));
            known = null;
        }
        pending.flush();
        return results;
    }

    private Item resolveOne(ProfileSubmission submission) {
        try {
            ProfileResult result = single.resolveLocked(submission);
            return new Item(result.created() ? Outcome.CREATED : Outcome.UPDATED, result.customerId(), result.profileId(), null);
        } catch (ApiException e) {
            return Item.rejected(e.getMessage());
        }
    }

    /** The stored profiles (with their attributes and identifiers) and identifier matches the remaining rows of a batch need. */
    private Known load(List<ProfileSubmission> rows) {
        Map<String, List<String>> bySource = new HashMap<>();
        Set<Identifier> identifiers = new HashSet<>();
        rows.forEach(s -> {
            bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s.externalId());
            identifiers.addAll(s.identifiers());
        });
        Map<String, ProfileRow> existing = new HashMap<>();
        batches.findBySourceAndExternalIds(bySource).forEach(p -> existing.put(key(p.source(), p.externalId()), p));
        Map<String, List<IdentifierMatch>> matches = new HashMap<>();
        if (!identifiers.isEmpty()) {
            profiles.findByIdentifiers(identifiers)
                    .forEach(m -> matches.computeIfAbsent(m.identifier().label(), k -> new ArrayList<>()).add(m));
        }
        Map<UUID, Map<String, AttributeObservation>> observations = existing.isEmpty() ? Map.of()
                : profiles.observationsOfProfiles(existing.values());
        Map<UUID, List<Identifier>> stored = existing.isEmpty() ? Map.of()
                : profiles.identifiersOfProfiles(existing.values().stream().map(ProfileRow::id).toList());
        return new Known(existing, matches, observations, stored);
    }

    private static String key(String source, String externalId) {
        return source + "\u0000" + externalId;
    }

    /** What the database held when the rows were loaded. */
    private record Known(Map<String, ProfileRow> existing, Map<String, List<IdentifierMatch>> matches,
            Map<UUID, Map<String, AttributeObservation>> observations, Map<UUID, List<Identifier>> identifiers) {

        /**
         * The customers of the submission's kind that carry one of its identifiers, oldest profile first; a stored
         * profile whose identifiers the batch replaced counts only with the identifiers it has now.
         */
        Set<UUID> linked(ProfileSubmission submission, Map<UUID, Set<String>> replaced) {
            Set<UUID> customers = new LinkedHashSet<>();
            for (Identifier identifier : submission.identifiers()) {
                matches.getOrDefault(identifier.label(), List.of()).stream()
                        .filter(m -> m.kind().equals(submission.kind()))
                        .filter(m -> !replaced.containsKey(m.profileId()) || replaced.get(m.profileId()).contains(identifier.label()))
                        .forEach(m -> customers.add(m.customerId()));
            }
            return customers;
        }

        /** Whether the submission would change nothing of the stored profile (values, and identifiers when it replaces them). */
        boolean unchanged(ProfileRow existing, ProfileSubmission submission, OffsetDateTime now) {
            Map<String, AttributeObservation> current = observations.getOrDefault(existing.id(), Map.of());
            OffsetDateTime observedAt = submission.observedAt().orElse(now);
            for (Map.Entry<String, JsonNode> entry : submission.attributes().entrySet()) {
                AttributeObservation stored = current.get(entry.getKey());
                JsonNode value = entry.getValue() == null ? NullNode.getInstance() : entry.getValue();
                if (stored == null ? !value.isNull() : !stored.observedAt().isAfter(observedAt) && !Objects.equals(stored.value(), value)) {
                    return false;
                }
            }
            if (!submission.replaceIdentifiers()) {
                return true;
            }
            return new HashSet<>(identifiers.getOrDefault(existing.id(), List.of())).equals(submission.identifiers());
        }
    }

    /** New profiles that join one customer or start one, written together. */
    private final class Pending {
        private final OffsetDateTime now = OffsetDateTime.now(clock);
        private final List<ProfileBatchRepository.NewProfile> rows = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private final Map<String, UUID> identifiersAdded = new HashMap<>();
        private final Set<UUID> newCustomers = new LinkedHashSet<>();
        private final Set<UUID> joined = new LinkedHashSet<>();
        /** The just-written profiles in the batch's order, new and updated, for the merge suggestions. */
        private final List<MergeSuggestions.Written> written = new ArrayList<>();
        private final List<Object[]> attributeInserts = new ArrayList<>();
        private final List<Object[]> attributeUpdates = new ArrayList<>();
        private final Map<UUID, Set<Identifier>> identifiersReplaced = new HashMap<>();
        /** The identifier labels of stored profiles whose identifiers this batch replaces. */
        private final Map<UUID, Set<String>> replaced = new HashMap<>();
        private final List<ProfileBatchRepository.ProfileUpdate> updates = new ArrayList<>();

        boolean isEmpty() {
            return rows.isEmpty() && updates.isEmpty();
        }

        /** The customers that rows added before carry one of the submission's identifiers for. */
        Set<UUID> linked(ProfileSubmission submission) {
            Set<UUID> customers = new LinkedHashSet<>();
            submission.identifiers().forEach(i -> {
                UUID customer = identifiersAdded.get(submission.kind() + ":" + i.label());
                if (customer != null) {
                    customers.add(customer);
                }
            });
            return customers;
        }

        Item add(ProfileSubmission submission, UUID linked) {
            UUID customer = linked;
            if (customer == null) {
                customer = UUID.randomUUID();
                newCustomers.add(customer);
            } else if (!newCustomers.contains(customer)) {
                joined.add(customer);
            }
            UUID profileId = UUID.randomUUID();
            OffsetDateTime observedAt = submission.observedAt().orElse(now);
            Map<String, JsonNode> attributes = new HashMap<>(submission.attributes());
            attributes.values().removeIf(Objects::isNull);
            rows.add(new ProfileBatchRepository.NewProfile(new ProfileRow(profileId, customer, submission.source(),
                    submission.externalId(), submission.kind(), null, observedAt, now), submission.attributes(),
                    submission.identifiers(), MatchProfile.of(submission.kind(), attributes)));
            keys.add(key(submission.source(), submission.externalId()));
            UUID target = customer;
            submission.identifiers().forEach(i -> identifiersAdded.put(submission.kind() + ":" + i.label(), target));
            ProfileBatchRepository.NewProfile row = rows.get(rows.size() - 1);
            written.add(new MergeSuggestions.Written(row.profile(), row.match()));
            return new Item(Outcome.CREATED, customer, profileId, null);
        }

        /**
         * A stored profile's update that links it to no other customer, as {@link ProfileIntake} writes it: a value replaces
         * the stored one unless that was observed later (null stores a tombstone), identifiers are replaced when the
         * submission says so, and the profile keeps the latest observation time.
         */
        Item update(ProfileRow existing, ProfileSubmission submission, Map<String, AttributeObservation> current) {
            OffsetDateTime observedAt = submission.observedAt().orElse(now);
            Map<String, JsonNode> after = new LinkedHashMap<>();
            current.forEach((name, observation) -> after.put(name, observation.value()));
            submission.attributes().forEach((name, value) -> {
                AttributeObservation stored = current.get(name);
                if (stored != null && stored.observedAt().isAfter(observedAt)) {
                    return;
                }
                after.put(name, value == null ? NullNode.getInstance() : value);
                Object[] row = { existing.id(), name, value == null ? "null" : batches.json(value), observedAt };
                (stored == null ? attributeInserts : attributeUpdates).add(row);
            });
            if (submission.replaceIdentifiers()) {
                identifiersReplaced.put(existing.id(), submission.identifiers());
                replaced.put(existing.id(), submission.identifiers().stream().map(Identifier::label).collect(java.util.stream.Collectors.toSet()));
            }
            OffsetDateTime latest = existing.observedAt().isAfter(observedAt) ? existing.observedAt() : observedAt;
            ProfileRow profile = new ProfileRow(existing.id(), existing.customerId(), existing.source(), existing.externalId(),
                    existing.kind(), existing.organisationId(), latest, existing.createdAt());
            MatchProfile match = MatchProfile.of(profile.kind(), after);
            updates.add(new ProfileBatchRepository.ProfileUpdate(profile, match));
            written.add(new MergeSuggestions.Written(profile, match));
            keys.add(key(submission.source(), submission.externalId()));
            if (!newCustomers.contains(existing.customerId())) {
                joined.add(existing.customerId());
            }
            submission.identifiers().forEach(i -> identifiersAdded.put(submission.kind() + ":" + i.label(), existing.customerId()));
            return new Item(Outcome.UPDATED, existing.customerId(), existing.id(), null);
        }

        void flush() {
            if (isEmpty()) {
                return;
            }
            Map<UUID, String> kinds = new HashMap<>();
            rows.forEach(r -> kinds.putIfAbsent(r.profile().customerId(), r.profile().kind()));
            batches.insertCustomers(newCustomers.stream().map(id -> Map.entry(id, kinds.get(id))).toList(), now);
            batches.insertProfiles(rows);
            batches.updateProfiles(attributeInserts, attributeUpdates, identifiersReplaced, updates);
            batches.touchCustomers(joined, now);
            suggestions.refreshAll(written, newCustomers);
        }
    }
}
