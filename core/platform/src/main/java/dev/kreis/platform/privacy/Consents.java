package dev.kreis.platform.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository.ClusterRow;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.privacy.persistence.ConsentRepository;
import dev.kreis.platform.privacy.persistence.ErasureRepository;
import dev.kreis.spi.privacy.ConsentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Consent per purpose and channel. A decision made on a customer is stored on every profile it has at
 * that moment, so the decisions follow merges and splits the way touchpoints do (ADR 0003); a customer's
 * state is the prevailing decision per purpose and channel among all its profiles.
 */
@ApplicationScoped
public class Consents implements ConsentService {
    private final CustomerClusterRepository clusters;
    private final ProfileRepository profiles;
    private final ConsentRepository repository;
    private final ErasureRepository erasures;
    private final AuditLog audit;
    private final Clock clock;

    Consents(CustomerClusterRepository clusters, ProfileRepository profiles, ConsentRepository repository, ErasureRepository erasures,
            AuditLog audit, Clock clock) {
        this.clusters = clusters;
        this.profiles = profiles;
        this.repository = repository;
        this.erasures = erasures;
        this.audit = audit;
        this.clock = clock;
    }

    /** A customer's effective consents, by the id given (merged ids are followed). */
    public record CustomerConsents(UUID customerId, List<ConsentDecision> decisions) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerConsents of(UUID customerId) {
        ClusterRow customer = require(customerId);
        return new CustomerConsents(customer.id(), ConsentState.of(repository.ofCustomer(customer.id())).decisions());
    }

    /** Records decisions on all of the customer's profiles; older decisions than those held change nothing. */
    @Transactional
    public CustomerConsents decide(UUID customerId, List<ConsentDecision> decisions, String actor) {
        ClusterRow customer = require(customerId);
        if (erasures.ofCustomer(customer.id()).isPresent()) {
            throw new ConflictProblem("Customer " + customerId + " was erased; its consents cannot change");
        }
        List<UUID> profileIds = profiles.ofCustomers(List.of(customer.id())).stream().map(ProfileRow::id).toList();
        return record(customer.id(), profileIds, decisions, actor);
    }

    /** Records decisions that arrived with a profile, on that profile only. Joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decideForProfile(UUID customerId, UUID profileId, List<ConsentDecision> decisions, String actor) {
        record(customerId, List.of(profileId), decisions, actor);
    }

    private CustomerConsents record(UUID customerId, List<UUID> profileIds, List<ConsentDecision> decisions, String actor) {
        List<ConsentDecision> before = ConsentState.of(repository.ofCustomer(customerId)).decisions();
        repository.apply(profileIds, decisions, OffsetDateTime.now(clock));
        List<ConsentDecision> after = ConsentState.of(repository.ofCustomer(customerId)).decisions();
        if (!before.equals(after)) {
            audit.record(actor, "consent.changed", "customer", customerId.toString(), before, after);
        }
        return new CustomerConsents(customerId, after);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayContact(UUID customerId, String purpose, String channel) {
        if (customerId == null) {
            throw new IllegalArgumentException("customerId is required");
        }
        ConsentState.requireValid(purpose, channel);
        return clusters.resolve(customerId)
                .map(customer -> ConsentState.of(repository.ofCustomer(customer.id(), purpose, channel)).mayContact(purpose, channel))
                .orElse(false);
    }

    private ClusterRow require(UUID customerId) {
        return clusters.resolve(customerId).orElseThrow(() -> new NotFoundProblem("customer", customerId));
    }
}
