package dev.kreis.platform.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.InvalidIdentifierException;
import dev.kreis.platform.identity.ProfileIntake;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets a profile in unless it belongs to an erased person: a profile whose key, identifiers (also an e-mail
 * address or phone number given as a custom key) or e-mail- or phone-shaped attribute values are on the
 * suppression list is refused, unless it brings at least one explicit consent grant decided after the
 * erasure, which lifts the suppression of those keys. Consents that came with the profile are recorded on it in the
 * profile's own transaction.
 */
@ApplicationScoped
public class ProfileAdmission {
    private final ProfileIntake intake;
    private final Suppressions suppressions;
    private final Consents consents;
    private final IdentifierNormaliser normaliser;
    private final AuditLog audit;

    ProfileAdmission(ProfileIntake intake, Suppressions suppressions, Consents consents, IdentifierNormaliser normaliser, AuditLog audit) {
        this.intake = intake;
        this.suppressions = suppressions;
        this.consents = consents;
        this.normaliser = normaliser;
        this.audit = audit;
    }

    /** The keys a profile is suppressed by, with the request field that carries each. */
    private Map<String, String> keysWithFields(ProfileSubmission submission, List<IdentifierRequest> requested) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Suppressions.profileKey(submission.source(), submission.externalId()), "externalId");
        for (int i = 0; requested != null && i < requested.size(); i++) {
            IdentifierRequest r = requested.get(i);
            try {
                Identifier identifier = normaliser.normalise(r.type(), r.system(), r.value());
                String field = "identifiers[" + i + "]";
                suppressions.keysOf(identifier).forEach(key -> fields.putIfAbsent(key, field));
            } catch (InvalidIdentifierException e) {
                throw new IllegalStateException("identifiers are validated before admission", e);
            }
        }
        submission.attributes().forEach((name, value) -> {
            if (value != null && value.isTextual()) {
                suppressions.shapedKey(value.asText()).ifPresent(key -> fields.putIfAbsent(key, "attributes." + name));
            }
        });
        return fields;
    }

    /**
     * For a batch without consent decisions (a connector's pull): the positions of the submissions that belong
     * to an erased person and must be refused, found with one look-up for the whole batch.
     */
    public Set<Integer> refused(List<ProfileSubmission> submissions, List<List<IdentifierRequest>> requested) {
        if (!suppressions.active()) {
            return Set.of();
        }
        List<Set<String>> keys = new ArrayList<>();
        Set<String> all = new java.util.HashSet<>();
        for (int i = 0; i < submissions.size(); i++) {
            Set<String> mine = keysWithFields(submissions.get(i), requested.get(i)).keySet();
            keys.add(mine);
            all.addAll(mine);
        }
        Set<String> suppressed = suppressions.suppressedSince(all).keySet();
        Set<Integer> refused = new java.util.TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).stream().anyMatch(suppressed::contains)) {
                refused.add(i);
            }
        }
        return refused;
    }

    public ProfileResult admit(ProfileSubmission submission, List<IdentifierRequest> requested, List<ConsentDecision> decisions,
            String actor) {
        // nothing was ever erased here: no key to compute, nothing to look up
        Map<String, String> fields = suppressions.active() ? keysWithFields(submission, requested) : Map.of();
        Map<String, OffsetDateTime> since = suppressions.suppressedSince(fields.keySet());
        Set<String> suppressed = since.keySet();
        OffsetDateTime erasedAt = since.values().stream().max(OffsetDateTime::compareTo).orElse(null);
        boolean granted = decisions.stream().anyMatch(d -> d.granted() && (erasedAt == null || d.decidedAt().isAfter(erasedAt)));
        if (!suppressed.isEmpty() && !granted) {
            List<FieldError> errors = new ArrayList<>();
            fields.forEach((key, field) -> {
                FieldError error = new FieldError(field, SuppressedIdentifierProblem.MESSAGE);
                if (suppressed.contains(key) && !errors.contains(error)) {
                    errors.add(error);
                }
            });
            throw new SuppressedIdentifierProblem(errors);
        }
        if (decisions.isEmpty()) {
            return intake.submit(submission);
        }
        return intake.submit(submission, result -> {
            if (!suppressed.isEmpty()) {
                int lifted = suppressions.lift(suppressed);
                audit.record(actor, "suppression.lifted", "customer", result.customerId().toString(), null,
                        Map.of("profileId", result.profileId(), "liftedIdentifiers", lifted));
            }
            consents.decideForProfile(result.customerId(), result.profileId(), decisions, actor);
        });
    }
}
