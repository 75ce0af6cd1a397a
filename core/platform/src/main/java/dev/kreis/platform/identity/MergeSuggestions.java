package dev.kreis.platform.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<UUID, Best> best = new HashMap<>();
        for (ProfileRepository.BlockMember candidate : candidates) {
            Similarity.of(match, candidate.match())
                    .filter(score -> score.value().doubleValue() >= config.suggestionThreshold())
                    .ifPresent(score -> best.merge(candidate.customerId(), new Best(candidate.customerId(), candidate.profileId(), score),
                            (known, found) -> found.score().value().compareTo(known.score().value()) > 0 ? found : known));
        }
        int keep = config.suggestionsPerCustomer();
        List<Best> chosen = best.values().stream().sorted(Comparator.comparing((Best b) -> b.score().value()).reversed()
                .thenComparing(Best::customerId)).limit(keep).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Best pair : chosen) {
            if (!suggestions.existsBetween(profile.customerId(), pair.customerId()) && !events.separated(profile.customerId(), pair.customerId())) {
                suggestions.suggest(profile.id(), pair.profileId(), pair.score().value(), String.join("\n", pair.score().reasons()), now);
                suggestions.keepBestOpen(pair.customerId(), keep);
            }
        }
        suggestions.keepBestOpen(profile.customerId(), keep);
        return new SuggestionWork(candidates.size(), chosen.size());
    }

    private record Best(UUID customerId, UUID profileId, Similarity.Score score) {
    }
}
