package dev.kreis.spi.connector;

import java.util.Objects;

/**
 * One field of a connector's credentials schema, e.g. HubSpot's {@code accessToken}. Credential values are
 * always strings, encrypted at rest by the platform, never returned by the API and never logged.
 *
 * <p>Immutable value; thread-safe. Stability: stable.
 *
 * @param name        the key in the connection's {@code credentials} object
 * @param description for admins
 * @param group       credential fields of one group are required together; a connection must complete
 *                    at least one group (e.g. HubSpot: {@code private-app} or {@code oauth}); fields of
 *                    the group {@code optional} are never required
 */
public record CredentialField(String name, String description, String group) {
    /** The group of fields no connection has to supply. */
    public static final String OPTIONAL = "optional";

    public CredentialField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(group, "group");
    }
}
