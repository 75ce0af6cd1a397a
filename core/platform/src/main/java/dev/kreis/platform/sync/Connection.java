package dev.kreis.platform.sync;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A configured connection to one CRM account. {@code credentials} are the decrypted values: they never
 * leave the engine (views show only which credential names are set).
 */
public record Connection(UUID id, String connector, String name, String source, URI baseUrl, Map<String, String> credentials,
        ConnectionSettings settings, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "Connection[" + id + ", " + connector + ", " + name + "]";
    }
}
