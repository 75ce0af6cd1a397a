package dev.kreis.spi.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * One field of a {@link CrmObject} and its default mapping to Kreis: the golden attribute it feeds, and
 * whether its value is an identifier (e-mail, phone) that joins the profile to the customer it belongs to.
 * Admins can override the mapping per connection.
 *
 * <p>Immutable value; thread-safe. Stability: stable.
 *
 * @param name       the vendor's field name, e.g. {@code email}, {@code firstname}
 * @param attribute  the Kreis attribute it maps to by default, e.g. {@code email}, {@code givenName}
 * @param identifier the identifier type its value is ({@code email} or {@code phone}), if any
 * @param writable   whether Kreis may write the field back to the CRM
 */
public record CrmField(String name, String attribute, Optional<String> identifier, boolean writable) {

    public CrmField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(identifier, "identifier");
    }

    /** A plain field mapped to an attribute. */
    public static CrmField of(String name, String attribute, boolean writable) {
        return new CrmField(name, attribute, Optional.empty(), writable);
    }

    /** A field whose value is also an identifier of the given type ({@code email} or {@code phone}). */
    public static CrmField identifier(String name, String attribute, String type, boolean writable) {
        return new CrmField(name, attribute, Optional.of(type), writable);
    }
}
