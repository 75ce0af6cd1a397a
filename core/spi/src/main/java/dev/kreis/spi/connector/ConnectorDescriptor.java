package dev.kreis.spi.connector;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a connector is: its id (the value of {@code connector} when an admin creates a connection, and
 * the default {@code source} of the profiles it brings in), a name for people, the vendor's default API
 * address, the objects it can sync and the credential fields a connection must supply.
 *
 * <p>Immutable value; thread-safe. Stability: stable.
 *
 * @param id             lower-case letters, digits and '-', 1-40 characters, e.g. {@code hubspot}
 * @param name           for people, e.g. {@code HubSpot}
 * @param defaultBaseUrl the vendor's API address, used when a connection names none
 * @param objects        the objects the connector reads and writes, in the order they should be synced
 *                       (organisations before the people who belong to them)
 * @param credentials    the credential fields a connection may carry; their values are encrypted at rest
 */
public record ConnectorDescriptor(String id, String name, URI defaultBaseUrl, List<CrmObject> objects, List<CredentialField> credentials) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("connector id must be 1-40 lower-case letters, digits or '-': " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
        objects = List.copyOf(objects);
        credentials = List.copyOf(credentials);
    }

    /** The object with this name, if the connector supports it. */
    public Optional<CrmObject> object(String objectName) {
        return objects.stream().filter(o -> o.name().equals(objectName)).findFirst();
    }
}
