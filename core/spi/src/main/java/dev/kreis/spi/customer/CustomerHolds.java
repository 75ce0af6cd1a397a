package dev.kreis.spi.customer;

import java.util.List;
import java.util.UUID;

/**
 * Holds on contacting customers, shared by all departments: one module places them, every module
 * respects them, and people see them on the customer ({@code GET /api/v1/customers/{id}/holds}).
 * Implemented by the platform; inject it.
 *
 * <p>Calls join the caller's transaction. Thread-safe. Stability: stable.
 */
public interface CustomerHolds {

    /** The scope of holds that keep a customer out of marketing campaigns. */
    String CAMPAIGNS = "campaigns";

    /**
     * Places a hold, or updates the reason of the same (module, scope, reference) hold.
     *
     * @param scope     lower case, e.g. {@link #CAMPAIGNS}
     * @param module    the placing module's id
     * @param reference the module's reference for the cause, at most 100 characters
     * @param reason    for people, at most 500 characters
     */
    void place(UUID customerId, String scope, String module, String reference, String reason);

    /** Lifts the hold (module, scope, reference); lifting one that does not exist does nothing. */
    void lift(String scope, String module, String reference);

    /** Lifts every hold the module placed (used when it is purged). */
    void liftAll(String module);

    /** The holds of {@code scope} on the customer now, following merges (holds of merged ids count). */
    List<Hold> active(UUID customerId, String scope);
}
