package dev.kreis.platform.security.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tokens}. */
@Schema(example = "{\"name\": \"shop integration\", \"roles\": [\"integration\"], \"expiresAt\": \"2027-01-02T08:00:00Z\"}")
public record TokenRequest(@Schema(required = true, description = "What the token is for") String name,
        @Schema(required = true, description = "Role keys the token acts with, at least one") List<String> roles,
        @Schema(format = "date-time", description = "When it stops working, in the future; left out: never") OffsetDateTime expiresAt) {
}
