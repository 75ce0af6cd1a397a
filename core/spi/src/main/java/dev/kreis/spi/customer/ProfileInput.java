package dev.kreis.spi.customer;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile a module contributes to the unified customer record, e.g. a sales lead. The platform runs it
 * through identity resolution like any other source's profile: it joins the customer with the same
 * e-mail or phone, or becomes a new customer.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param source     the module id, used as the profile's source
 * @param externalId the module's id for the record (e.g. the lead id); a second call with the same pair
 *                   updates that profile
 * @param email      e-mail address, if known
 * @param phone      phone number (E.164 or national with country), if known
 * @param attributes further attributes ({@code firstName}, {@code lastName}, {@code company}, ...): string values
 */
public record ProfileInput(String source, String externalId, Optional<String> email, Optional<String> phone, Map<String, String> attributes) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public ProfileInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        attributes = Map.copyOf(attributes);
    }
}
