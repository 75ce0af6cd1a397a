package dev.kreis.platform.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
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

    /** Compares a just-written profile with the profiles of other customers in its block. */
    void refresh(ProfileRow profile, MatchProfile match) {
        String block = match.blockKey();
        if (block == null) {
            return;
        }
        List<ProfileRepository.BlockMember> candidates = profiles.inBlock(block, profile.kind(), profile.customerId(),
                config.suggestionCandidates());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, UUID> bestProfile = new HashMap<>();
        Map<UUID, Similarity.Score> bestScore = new HashMap<>();
        for (ProfileRepository.BlockMember candidate : candidates) {
            Similarity.of(match, candidate.match())
                    .filter(score -> score.value().doubleValue() >= config.suggestionThreshold())
                    .filter(score -> !bestScore.containsKey(candidate.customerId())
                            || score.value().compareTo(bestScore.get(candidate.customerId()).value()) > 0)
                    .ifPresent(score -> {
                        bestScore.put(candidate.customerId(), score);
                        bestProfile.put(candidate.customerId(), candidate.profileId());
                    });
        }
        bestScore.forEach((customer, score) -> {
            if (!suggestions.existsBetween(profile.customerId(), customer) && !events.separated(profile.customerId(), customer)) {
                suggestions.suggest(profile.id(), bestProfile.get(customer), score.value(), String.join("\n", score.reasons()), now);
            }
        });
    }
}
