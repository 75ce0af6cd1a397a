package dev.kreis.platform.privacy;

import java.util.List;
import java.util.UUID;

import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository.ClusterRow;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one check every write path asks before it records anything about a customer: the customer (any of
 * its ids, following merges) must not have been erased. Costs nothing while nothing was ever erased on the
 * installation (see {@link Suppressions#erased}).
 */
@ApplicationScoped
public class ErasedCustomers {
    private final CustomerClusterRepository clusters;
    private final Suppressions suppressions;

    ErasedCustomers(CustomerClusterRepository clusters, Suppressions suppressions) {
        this.clusters = clusters;
        this.suppressions = suppressions;
    }

    /** Whether the customer, or the customer it was merged into, was erased; false for an unknown id. */
    public boolean erased(UUID customerId) {
        if (customerId == null) {
            return false;
        }
        UUID current = clusters.resolve(customerId).map(ClusterRow::id).orElse(customerId);
        return !suppressions.erased(current.equals(customerId) ? List.of(customerId) : List.of(customerId, current)).isEmpty();
    }

    /**
     * Refuses a write naming an erased customer.
     *
     * @param field the request field that names the customer (or the record that belongs to them)
     * @throws ErasedCustomerProblem 409 if the customer was erased
     */
    public void refuseWrite(UUID customerId, String field) {
        if (erased(customerId)) {
            throw new ErasedCustomerProblem(field, customerId);
        }
    }
}
