package dev.kreis.spi.customer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The unified customer record as a module sees it. Implemented by the platform; inject it.
 *
 * <p><b>Merges.</b> Customers are merged and split by identity resolution; a module that stored a
 * customer id earlier passes it to {@link #current(UUID)} to learn the id the customer has now.
 *
 * <p><b>Transactions.</b> Reads join the caller's transaction if there is one. {@link #submit} commits in
 * a transaction of its own (identity resolution takes database locks that must not wait for the
 * caller); submitting the same (source, external id) again is idempotent, so a caller that fails
 * afterwards can simply retry.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use. Stability: stable.
 */
public interface CustomerLookup {

    /**
     * The id the customer has now: {@code customerId} itself, or the customer it was merged into.
     *
     * @return empty if no such customer exists or it was erased
     */
    Optional<UUID> current(UUID customerId);

    /**
     * Refuses a write that would record something more about an erased person. Call it on every write of a
     * record that belongs to a customer (changing it, adding a note, a response, a line), with the customer id
     * the record stores; ids of new records come from {@link #current(UUID)}, which already answers empty for
     * an erased customer.
     *
     * @param field the request field naming the customer, or {@code id} for the record being changed
     * @throws RuntimeException answered by the platform as 409 problem {@code customer-erased} naming {@code field}, if
     *                          the customer (or the customer it was merged into) was erased; an unknown id passes
     */
    void refuseIfErased(UUID customerId, String field);

    /** The customer whose golden record has this e-mail address (normalised first); empty if none. */
    Optional<UUID> byEmail(String email);

    /**
     * Submits a profile through identity resolution.
     *
     * @return the id of the customer the profile belongs to now
     * @throws dev.kreis.spi.api.ProblemException 422 naming the field if an identifier is malformed, 409 if it belongs to an
     *                                            erased person
     */
    UUID submit(ProfileInput profile);

    /** The customer's display name (golden {@code firstName lastName}, else e-mail), if any. */
    Optional<String> displayName(UUID customerId);

    /** The customer's golden e-mail address, if any. */
    Optional<String> email(UUID customerId);

    /**
     * Customers whose golden attributes equal all of {@code attributeEquals} (keys such as {@code country},
     * {@code kind}), oldest first, at most {@code limit}. Attributes are free-form, so an attribute no
     * customer has simply matches nobody.
     *
     * @throws IllegalArgumentException if a key is not an attribute name (letters, digits, {@code _ . -}), there are
     *                                  not 1 to 10 conditions, or {@code limit} is not 1 to 100,000
     */
    List<UUID> segment(Map<String, String> attributeEquals, int limit);
}
