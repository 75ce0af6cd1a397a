package dev.kreis.platform.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.identity.persistence.IdentityEventRepository;
import dev.kreis.platform.identity.persistence.MergeSuggestionRepository;
import dev.kreis.platform.identity.persistence.MergeSuggestionRepository.SuggestionRow;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Finds customers that are probably the same person or organisation but share no identifier, and
 * stores them as suggestions for a person to merge or dismiss. Nothing is merged on similarity.
 */
@ApplicationScoped
public class MergeSuggestions {
    private final ProfileRepository profiles;
    private final MergeSuggestionRepository suggestions;
    private final IdentityEventRepository events;
    private final IdentityConfig config;
    private final AuditLog audit;
    private final Clock clock;

    MergeSuggestions(ProfileRepository profiles, MergeSuggestionRepository suggestions, IdentityEventRepository events,
            IdentityConfig config, AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.suggestions = suggestions;
        this.events = events;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** The audited state of a suggestion: no reasons, since they quote names. */
    public record SuggestionState(UUID id, String status, List<UUID> customerIds, List<UUID> profileIds) {
    }

    /** A person's decision that the two customers of a suggestion are not the same; 409 unless it is open. */
    @Transactional
    public SuggestionRow dismiss(UUID id, String actor) {
        SuggestionRow row = suggestions.find(id).orElseThrow(() -> new NotFoundProblem("merge suggestion", id));
        if (!"open".equals(row.status())) {
            throw new ConflictProblem("Merge suggestion " + id + " is already " + row.status());
        }
        suggestions.setStatus(id, "dismissed");
        List<UUID> customers = List.of(row.customerA(), row.customerB());
        List<UUID> profileIds = List.of(row.profileA(), row.profileB());
        audit.record(actor, "merge-suggestion.dismissed", "merge-suggestion", id.toString(),
                new SuggestionState(id, row.status(), customers, profileIds), new SuggestionState(id, "dismissed", customers, profileIds),
                customers);
        return row;
    }

    /** The work one write's suggestion step did: profiles compared, customer pairs checked against stored decisions. */
    public record SuggestionWork(int candidatesExamined, int pairsChecked) {
    }

    /**
     * Compares a just-written profile with the newest profiles of other customers in its block (at most
     * {@link IdentityConfig#suggestionCandidates()}) and suggests its best few customers (at most
     * {@link IdentityConfig#suggestionsPerCustomer()}); each customer involved keeps only its best few open suggestions.
     */
    public SuggestionWork refresh(ProfileRow profile, MatchProfile match) {
        String block = match.blockKey();
        if (block == null) {
            return new SuggestionWork(0, 0);
        }
        List<ProfileRepository.BlockMember> candidates = profiles.inBlock(block, profile.kind(), profile.customerId(),
                config.suggestionCandidates());
        int checked = suggest(profile, match, candidates);
        return new SuggestionWork(candidates.size(), checked);
    }

    /** A just-written profile and what it is matched on, for {@link #refreshAll}. */
    public record Written(ProfileRow profile, MatchProfile match) {
    }

    /**
     * {@link #refresh} for many just-written profiles (a batch's new profiles), in order, with the same outcome: the
     * candidates of all of them are read in one query (the newest {@code 2 ×} {@link IdentityConfig#suggestionCandidates()}
     * of each block; a profile whose own customer fills so much of that window that fewer than the candidates remain reads
     * its block alone). The pairs at or above the threshold are checked against stored decisions (suggestions, separations)
     * for all profiles at once, the new suggestions stored in one batch, and the customers that got one trimmed to their best
     * few open suggestions together; a customer that got none keeps what it had. {@code fresh} are customers created in the
     * running transaction (a batch's new customers): they have no stored suggestions or separations, so they are not
     * looked up, and one that got no more than its few suggestions here needs no trimming (a sync page of new contacts
     * then reads only the candidates' customers).
     */
    public SuggestionWork refreshAll(List<Written> written, Set<UUID> fresh) {
        int limit = config.suggestionCandidates();
        int window = limit * 2;
        Set<String> blocks = new HashSet<>();
        written.forEach(w -> {
            if (w.match().blockKey() != null) {
                blocks.add(w.match().blockKey());
            }
        });
        if (blocks.isEmpty()) {
            return new SuggestionWork(0, 0);
        }
        Map<String, List<ProfileRepository.BlockMember>> newest = new HashMap<>();
        profiles.newestInBlocks(blocks, window).forEach(e -> newest.computeIfAbsent(e.blockKey() + "\u0000" + e.kind(), k -> new ArrayList<>())
                .add(e.member()));
        int examined = 0;
        List<Written> compared = new ArrayList<>();
        List<List<ProfileRepository.BlockMember>> candidatesOf = new ArrayList<>();
        for (Written w : written) {
            String block = w.match().blockKey();
            if (block == null) {
                continue;
            }
            ProfileRow profile = w.profile();
            List<ProfileRepository.BlockMember> members = newest.getOrDefault(block + "\u0000" + profile.kind(), List.of());
            List<ProfileRepository.BlockMember> candidates = new ArrayList<>(limit);
            for (ProfileRepository.BlockMember m : members) {
                if (!m.customerId().equals(profile.customerId()) && candidates.size() < limit) {
                    candidates.add(m);
                }
            }
            if (candidates.size() < limit && members.size() >= window) {
                candidates = profiles.inBlock(block, profile.kind(), profile.customerId(), limit);
            }
            examined += candidates.size();
            compared.add(w);
            candidatesOf.add(candidates);
        }
        // Scoring is the batch's CPU work (a sync page of 100 contacts: up to 20,000 comparisons) and reads nothing from the
        // database, so the profiles are scored on the common pool as well as this thread; the outcome keeps the batch's order.
        List<List<Best>> bests = java.util.stream.IntStream.range(0, compared.size()).parallel()
                .mapToObj(i -> choose(compared.get(i).match(), candidatesOf.get(i))).toList();
        int checked = 0;
        Map<Written, List<Best>> chosen = new java.util.LinkedHashMap<>();
        Set<UUID> customers = new java.util.LinkedHashSet<>();
        for (int i = 0; i < compared.size(); i++) {
            List<Best> best = bests.get(i);
            checked += best.size();
            if (!best.isEmpty()) {
                chosen.put(compared.get(i), best);
                customers.add(compared.get(i).profile().customerId());
            }
        }
        if (chosen.isEmpty()) {
            return new SuggestionWork(examined, checked);
        }
        // The stored decisions of every pair at once; a pair suggested earlier in this batch counts as stored.
        Set<UUID> stored = new java.util.LinkedHashSet<>(customers);
        stored.removeAll(fresh);
        Set<String> decided = new HashSet<>();
        if (!stored.isEmpty()) {
            decided.addAll(suggestions.pairsWithSuggestions(stored));
            decided.addAll(events.separatedPairs(stored));
        }
        List<MergeSuggestionRepository.NewSuggestion> store = new ArrayList<>();
        Set<UUID> trim = new java.util.LinkedHashSet<>();
        Map<UUID, Integer> added = new HashMap<>();
        chosen.forEach((w, best) -> {
            UUID customer = w.profile().customerId();
            for (Best pair : best) {
                if (decided.add(MergeSuggestionRepository.pair(customer, pair.customerId()))) {
                    store.add(new MergeSuggestionRepository.NewSuggestion(w.profile().id(), pair.profileId(), pair.score().value(),
                            String.join("\n", pair.score().reasons())));
                    trim.add(pair.customerId());
                    trim.add(customer);
                    added.merge(pair.customerId(), 1, Integer::sum);
                    added.merge(customer, 1, Integer::sum);
                }
            }
        });
        suggestions.suggestAll(store, OffsetDateTime.now(clock));
        // A fresh customer's open suggestions are the ones just stored: within its few, trimming would remove none of them.
        int keep = config.suggestionsPerCustomer();
        trim.removeIf(c -> fresh.contains(c) && added.get(c) <= keep);
        suggestions.keepBestOpenAll(trim, keep);
        return new SuggestionWork(examined, checked);
    }

    /** The profile's best few customers among the candidates (at or above the threshold), best first. */
    private List<Best> choose(MatchProfile match, List<ProfileRepository.BlockMember> candidates) {
        Map<UUID, Best> best = new HashMap<>();
        for (ProfileRepository.BlockMember candidate : candidates) {
            // Screened by the score alone; the reasons are described only for the pairs that pass.
            if (Similarity.value(match, candidate.match()).filter(v -> v.doubleValue() >= config.suggestionThreshold()).isEmpty()) {
                continue;
            }
            Similarity.of(match, candidate.match())
                    .ifPresent(score -> best.merge(candidate.customerId(), new Best(candidate.customerId(), candidate.profileId(), score),
                            (known, found) -> found.score().value().compareTo(known.score().value()) > 0 ? found : known));
        }
        return best.values().stream().sorted(Comparator.comparing((Best b) -> b.score().value()).reversed()
                .thenComparing(Best::customerId)).limit(config.suggestionsPerCustomer()).toList();
    }

    /** Suggests the profile's best few customers among the candidates; answers how many pairs were checked. */
    private int suggest(ProfileRow profile, MatchProfile match, List<ProfileRepository.BlockMember> candidates) {
        int keep = config.suggestionsPerCustomer();
        List<Best> chosen = choose(match, candidates);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Best pair : chosen) {
            if (!suggestions.existsBetween(profile.customerId(), pair.customerId()) && !events.separated(profile.customerId(), pair.customerId())) {
                suggestions.suggest(profile.id(), pair.profileId(), pair.score().value(), String.join("\n", pair.score().reasons()), now);
                suggestions.keepBestOpen(pair.customerId(), keep);
            }
        }
        suggestions.keepBestOpen(profile.customerId(), keep);
        return chosen.size();
    }

    private record Best(UUID customerId, UUID profileId, Similarity.Score score) {
    }
}
