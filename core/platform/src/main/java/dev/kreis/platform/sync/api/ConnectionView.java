package dev.kreis.platform.sync.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.sync.Connection;

/** A connection on the wire: everything but the credential values. */
@Schema(name = "Connection", example = ConnectionView.EXAMPLE)
public record ConnectionView(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, example = "hubspot") String connector,
        @Schema(required = true, example = "HubSpot EU") String name,
        @Schema(required = true, example = "hubspot") String source,
        @Schema(required = true, format = "uri", example = "https://api.hubapi.com") String baseUrl,
        @Schema(required = true, description = "Which credential fields are set (their values are never returned)") List<String> credentialsSet,
        @Schema(required = true) Map<String, String> settings,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt) {

    /** An example, for the API document. */
    public static final String EXAMPLE = "{\"id\":\"6a1f1c3e-2b7d-4a51-9c0e-0f2d3b4a5c6d\",\"connector\":\"hubspot\",\"name\":\"HubSpot EU\","
        + "\"source\":\"hubspot\",\"baseUrl\":\"https://api.hubapi.com\",\"credentialsSet\":[\"accessToken\",\"clientSecret\"],"
        + "\"settings\":{},\"createdAt\":\"2026-01-31T10:15:00Z\",\"updatedAt\":\"2026-01-31T10:15:00Z\"}";

    static ConnectionView of(Connection c) {
        return new ConnectionView(c.id(), c.connector(), c.name(), c.source(), c.baseUrl().toString(),
                c.credentials().keySet().stream().sorted().toList(), c.settings().values(), c.createdAt(), c.updatedAt());
    }
}
