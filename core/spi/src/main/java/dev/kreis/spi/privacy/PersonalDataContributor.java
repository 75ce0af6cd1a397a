package dev.kreis.spi.privacy;

import java.util.Map;
import java.util.UUID;

/**
 * A module's part in the data-subject rights: everything the module keeps about a customer outside the
 * platform's own tables goes into the customer's export, and is erased when the customer is erased.
 *
 * <p><b>When called.</b> The platform looks up every CDI bean implementing this interface (through
 * {@code Instance}) when a customer is exported ({@code GET /api/v1/customers/{id}/export}) or erased
 * ({@code POST /api/v1/customers/{id}/erase}). Both are called once for each customer id of the
 * customer: the surviving id and every id that was merged into it, because a module may hold data under
 * any of them. Ids the module does not know must be answered with an empty map and ignored by
 * {@link #erase}.
 *
 * <p><b>Transactions.</b> Both run inside the platform's transaction for the export or erasure; a
 * module writing to the platform's datasource joins it, so an exception from {@link #erase} rolls the
 * whole erasure back and the request fails. Modules that call remote systems should queue that work and
 * make it idempotent.
 *
 * <p><b>Thread-safety:</b> implementations are application-scoped beans and must be safe for concurrent
 * calls for different customers.
 *
 * <p>Stability: stable.
 */
public interface PersonalDataContributor {

    /**
     * The module id under which this contributor's export appears in the export's {@code modules} object,
     * e.g. {@code marketing}. Constant for the life of the bean; unique among contributors.
     */
    String id();

    /**
     * Everything the module keeps about the customer, as JSON-serialisable values (maps, lists, strings,
     * numbers, booleans, records). Must not change anything.
     *
     * @return the module's data about this customer id; empty when it has none
     */
    Map<String, Object> export(UUID customerId);

    /**
     * Removes or anonymises every personal value the module keeps about the customer, keeping only what
     * identifies no person (counts, amounts, times) so the module's KPIs stay as they were. Must be
     * idempotent: erasing a customer twice, or an id the module never saw, is not an error.
     */
    void erase(UUID customerId);
}
