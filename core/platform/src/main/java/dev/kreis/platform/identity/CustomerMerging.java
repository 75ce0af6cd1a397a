package dev.kreis.platform.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository.ClusterRow;
import dev.kreis.platform.identity.persistence.IdentityEventRepository;
import dev.kreis.platform.identity.persistence.MergeSuggestionRepository;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.privacy.ErasedCustomers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Merges customers and splits them again. Both move profiles only (touchpoints stay on their
 * profiles), both are recorded with their actor, and a split that takes out exactly the profiles a
 * merge brought in revives the absorbed customer under its old id, so merge → split restores both
 * customers and their timelines exactly. A split also records that the split-off profiles are not
 * the same customer as those that stay, so automatic clustering never joins them again.
 */
@ApplicationScoped
public class CustomerMerging {
    public static final int MAX_MERGE = 100;
    private static final String AUTOMATIC_ACTOR = "identity-resolution";

    private final CustomerClusterRepository clusters;
    private final ProfileRepository profiles;
    private final IdentityEventRepository events;
    private final MergeSuggestionRepository suggestions;
    private final AuditLog audit;
    private final ErasedCustomers erased;
    private final Clock clock;

    CustomerMerging(CustomerClusterRepository clusters, ProfileRepository profiles, IdentityEventRepository events,
            MergeSuggestionRepository suggestions, AuditLog audit, ErasedCustomers erased, Clock clock) {
        this.erased = erased;
        this.clusters = clusters;
        this.profiles = profiles;
        this.events = events;
        this.suggestions = suggestions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which profiles each customer held, as the audit log shows a merge or split. */
    public record ClusterState(UUID customerId, List<UUID> profileIds) {
    }

    /** A person's merge of {@code others} into {@code targetId}. */
    @Transactional
    public UUID merge(UUID targetId, List<UUID> others, String actor) {
        if (others == null || others.isEmpty()) {
            throw new InvalidInputException("customerIds", "must name at least one customer");
        }
        if (others.size() > MAX_MERGE) {
            throw new InvalidInputException("customerIds", "must name at most " + MAX_MERGE + " customers");
        }
        List<UUID> all = new ArrayList<>(others);
        all.add(targetId);
        Map<UUID, ClusterRow> locked = new LinkedHashMap<>();
        clusters.lock(all).forEach(row -> locked.put(row.id(), row));
        ClusterRow target = locked.get(targetId);
        if (target == null) {
            throw new NotFoundProblem("customer", targetId);
        }
        if (!target.active()) {
            throw new ConflictProblem("Customer " + targetId + " was merged into " + target.mergedInto() + "; merge into that one");
        }
        erased.refuseWrite(targetId, "id");
        for (int i = 0; i < others.size(); i++) {
            erased.refuseWrite(others.get(i), "customerIds[" + i + "]");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < others.size(); i++) {
            UUID id = others.get(i);
            ClusterRow row = id == null ? null : locked.get(id);
            String field = "customerIds[" + i + "]";
            if (row == null) {
                errors.add(new Problem.FieldError(field, "no customer with id " + id));
            } else if (id.equals(targetId)) {
                errors.add(new Problem.FieldError(field, "cannot merge a customer into itself"));
            } else if (!seen.add(id)) {
                errors.add(new Problem.FieldError(field, "is named twice"));
            } else if (!row.active()) {
                errors.add(new Problem.FieldError(field, "was already merged into " + row.mergedInto()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (UUID id : others) {
            if (!locked.get(id).kind().equals(target.kind())) {
                throw new ConflictProblem("Customer " + id + " is a " + locked.get(id).kind() + " and cannot be merged into a " + target.kind());
            }
        }
        List<ClusterState> before = new ArrayList<>();
        before.add(state(targetId));
        for (UUID id : others) {
            before.add(state(id));
        }
        for (UUID id : others) {
            events.forgetSeparations(targetId, id);
            absorb(target.id(), id, "merge", actor, null);
        }
        audit.record(actor, "customer.merged", "customer", targetId.toString(), before, List.of(state(targetId)), others);
        return targetId;
    }

    /** Automatic merge during identity resolution; refused (false) where a person separated the two. */
    boolean mergeAutomatically(UUID targetId, UUID otherId, String reason) {
        if (events.separated(targetId, otherId)) {
            return false;
        }
        List<ClusterState> before = List.of(state(targetId), state(otherId));
        absorb(targetId, otherId, "auto-merge", AUTOMATIC_ACTOR, reason);
        audit.record(AUTOMATIC_ACTOR, "customer.auto-merged", "customer", targetId.toString(), before, List.of(state(targetId)),
                List.of(otherId));
        return true;
    }

    /** Splits {@code profileIds} off {@code customerId}; answers the customer that now holds them. 409 for an erased customer. */
    @Transactional
    public UUID split(UUID customerId, List<UUID> profileIds, String actor) {
        if (profileIds == null || profileIds.isEmpty()) {
            throw new InvalidInputException("profileIds", "must name at least one profile");
        }
        erased.refuseWrite(customerId, "id");
        ClusterRow customer = clusters.lock(List.of(customerId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundProblem("customer", customerId));
        if (!customer.active()) {
            throw new ConflictProblem("Customer " + customerId + " was merged into " + customer.mergedInto() + "; split that one");
        }
        List<ProfileRow> current = profiles.ofCustomers(List.of(customerId));
        Set<UUID> owned = new HashSet<>();
        current.forEach(p -> owned.add(p.id()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> split = new java.util.LinkedHashSet<>();
        for (int i = 0; i < profileIds.size(); i++) {
            UUID id = profileIds.get(i);
            if (id == null || !owned.contains(id)) {
                errors.add(new Problem.FieldError("profileIds[" + i + "]", "is not a profile of customer " + customerId));
            } else if (!split.add(id)) {
                errors.add(new Problem.FieldError("profileIds[" + i + "]", "is named twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (split.size() == owned.size()) {
            throw new InvalidInputException("profileIds", "at least one profile must stay with the customer");
        }
        List<ClusterState> before = List.of(state(customerId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID into = revivable(customerId, split).map(id -> {
            clusters.revive(id, now);
            return id;
        }).orElseGet(() -> clusters.create(customer.kind(), now).id());
        profiles.move(split, into);
        Map<UUID, UUID> moved = new LinkedHashMap<>();
        split.forEach(p -> moved.put(p, customerId));
        events.record("split", customerId, actor, null, now, moved, into);
        Set<UUID> remaining = new HashSet<>(owned);
        remaining.removeAll(split);
        events.separate(split, remaining, now);
        suggestions.close(customerId, into, "dismissed");
        clusters.touch(customerId, now);
        audit.record(actor, "customer.split", "customer", customerId.toString(), before, List.of(state(customerId), state(into)),
                List.of(into));
        return into;
    }

    /** The customer a merge absorbed, if the split takes out exactly the profiles that merge brought. */
    private Optional<UUID> revivable(UUID customerId, Set<UUID> split) {
        Set<UUID> origins = new HashSet<>(events.lastOrigins(split, customerId).values());
        if (origins.size() != 1 || events.lastOrigins(split, customerId).size() != split.size()) {
            return Optional.empty();
        }
        UUID origin = origins.iterator().next();
        Optional<ClusterRow> row = clusters.find(origin);
        if (row.isEmpty() || !customerId.equals(row.get().mergedInto())) {
            return Optional.empty();
        }
        Set<UUID> broughtAndStillHere = new HashSet<>(events.profilesMoved(origin, customerId));
        Set<UUID> here = new HashSet<>();
        profiles.ofCustomers(List.of(customerId)).forEach(p -> here.add(p.id()));
        broughtAndStillHere.retainAll(here);
        return broughtAndStillHere.equals(split) ? Optional.of(origin) : Optional.empty();
    }

    private ClusterState state(UUID customerId) {
        return new ClusterState(customerId, profiles.ofCustomers(List.of(customerId)).stream().map(ProfileRow::id).toList());
    }

    private void absorb(UUID targetId, UUID otherId, String kind, String actor, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, UUID> moved = new LinkedHashMap<>();
        profiles.ofCustomers(List.of(otherId)).forEach(p -> moved.put(p.id(), otherId));
        suggestions.close(targetId, otherId, "merged");
        profiles.moveAll(otherId, targetId);
        clusters.markMerged(otherId, targetId, now);
        clusters.touch(targetId, now);
        events.record(kind, targetId, actor, reason, now, moved, targetId);
    }
}
