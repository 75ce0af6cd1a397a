package dev.kreis.platform.touchpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.ProfileIntake;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository.ClusterRow;
import dev.kreis.platform.identity.persistence.IdentifierMatch;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the profile each touchpoint attaches to, for a whole batch at once. A touchpoint named by
 * customer id attaches to that customer's profile from the same source, else its oldest profile.
 * A touchpoint named by identifiers attaches to a profile carrying one of them (same source first,
 * then the oldest); unknown identifiers create a profile (source, {@code <type>:<value>}) and so a
 * new customer through identity resolution.
 */
@ApplicationScoped
public class TouchpointCustomers {
    private final ProfileRepository profiles;
    private final CustomerClusterRepository clusters;
    private final ProfileIntake intake;
    private final Jdbc jdbc;

    TouchpointCustomers(ProfileRepository profiles, CustomerClusterRepository clusters, ProfileIntake intake, Jdbc jdbc) {
        this.profiles = profiles;
        this.clusters = clusters;
        this.intake = intake;
        this.jdbc = jdbc;
    }

    /** The profile a touchpoint attaches to and the customer that profile belongs to. */
    public record Attachment(UUID profileId, UUID customerId) {
    }

    /** Attachments by draft index; a draft naming an unknown customer id is absent. */
    public Map<Integer, Attachment> attach(Map<Integer, TouchpointDraft> drafts) {
        Map<Integer, Attachment> result = new HashMap<>();
        attachById(drafts, result);
        attachByIdentifiers(drafts, result);
        return result;
    }

    private void attachById(Map<Integer, TouchpointDraft> drafts, Map<Integer, Attachment> result) {
        Set<UUID> named = new HashSet<>();
        drafts.values().stream().filter(d -> d.customerId() != null).forEach(d -> named.add(d.customerId()));
        if (named.isEmpty()) {
            return;
        }
        Map<UUID, UUID> active = activeCustomers(named);
        Map<UUID, List<ProfileRow>> byCustomer = new HashMap<>();
        profiles.ofCustomers(new HashSet<>(active.values()))
                .forEach(p -> byCustomer.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p));
        drafts.forEach((index, draft) -> {
            UUID customer = draft.customerId() == null ? null : active.get(draft.customerId());
            List<ProfileRow> candidates = customer == null ? List.of() : byCustomer.getOrDefault(customer, List.of());
            candidates.stream().filter(p -> p.source().equals(draft.source())).findFirst()
                    .or(() -> candidates.stream().findFirst())
                    .ifPresent(p -> result.put(index, new Attachment(p.id(), p.customerId())));
        });
    }

    /** Maps each named id to the active customer it stands for, following merges; unknown ids are absent. */
    private Map<UUID, UUID> activeCustomers(Set<UUID> ids) {
        Map<UUID, UUID> resolved = new HashMap<>();
        Map<UUID, UUID> pending = new HashMap<>();
        for (UUID id : ids) {
            pending.put(id, id);
        }
        for (int hop = 0; !pending.isEmpty() && hop < 100; hop++) {
            Map<UUID, ClusterRow> rows = new HashMap<>();
            List<UUID> lookup = new ArrayList<>(new HashSet<>(pending.values()));
            for (int from = 0; from < lookup.size(); from += 500) {
                List<UUID> chunk = lookup.subList(from, Math.min(lookup.size(), from + 500));
                jdbc.query("select id, kind, merged_into, created_at, updated_at from customer where id in (" + Jdbc.markers(chunk.size()) + ")",
                        row -> rows.put(Jdbc.uuid(row, "id"), new ClusterRow(Jdbc.uuid(row, "id"), row.getString("kind"),
                                Jdbc.uuid(row, "merged_into"), Jdbc.time(row, "created_at"), Jdbc.time(row, "updated_at"))),
                        chunk.toArray());
            }
            Map<UUID, UUID> next = new HashMap<>();
            for (Map.Entry<UUID, UUID> entry : pending.entrySet()) {
                ClusterRow row = rows.get(entry.getValue());
                if (row != null && row.active()) {
                    resolved.put(entry.getKey(), row.id());
                } else if (row != null) {
                    next.put(entry.getKey(), row.mergedInto());
                }
            }
            pending = next;
        }
        return resolved;
    }

    private void attachByIdentifiers(Map<Integer, TouchpointDraft> drafts, Map<Integer, Attachment> result) {
        Set<Identifier> all = new HashSet<>();
        drafts.values().forEach(d -> all.addAll(d.identifiers()));
        if (all.isEmpty()) {
            return;
        }
        Map<Identifier, List<IdentifierMatch>> matches = new HashMap<>();
        profiles.findByIdentifiers(all).forEach(m -> matches.computeIfAbsent(m.identifier(), k -> new ArrayList<>()).add(m));
        Map<Identifier, Attachment> created = new LinkedHashMap<>();
        drafts.entrySet().stream().filter(e -> !e.getValue().identifiers().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> result.put(e.getKey(), attachment(e.getValue(), matches, created)));
    }

    private Attachment attachment(TouchpointDraft draft, Map<Identifier, List<IdentifierMatch>> matches, Map<Identifier, Attachment> created) {
        List<IdentifierMatch> candidates = new ArrayList<>();
        draft.identifiers().forEach(i -> candidates.addAll(matches.getOrDefault(i, List.of())));
        Optional<IdentifierMatch> best = candidates.stream().filter(m -> m.source().equals(draft.source())).findFirst()
                .or(() -> candidates.stream().min(Comparator.comparing(IdentifierMatch::profileCreatedAt)
                        .thenComparing(IdentifierMatch::profileId)));
        if (best.isPresent()) {
            return new Attachment(best.get().profileId(), best.get().customerId());
        }
        for (Identifier identifier : draft.identifiers()) {
            if (created.containsKey(identifier)) {
                return created.get(identifier);
            }
        }
        Identifier first = draft.identifiers().iterator().next();
        ProfileResult profile = intake.submit(new ProfileSubmission(draft.source(), first.label(), "person", Map.of(),
                draft.identifiers(), true, Optional.of(draft.occurredAt()), Optional.empty()));
        Attachment attachment = new Attachment(profile.profileId(), profile.customerId());
        draft.identifiers().forEach(i -> created.put(i, attachment));
        return attachment;
    }
}
