package dev.kreis.platform.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The customer a profile resolved into, and the profile's id. */
@Schema(example = "{\"customerId\": \"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f\", \"profileId\": \"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\"}")
public record ProfileResponse(@Schema(required = true, description = "The customer the profile resolved into") UUID customerId,
        @Schema(required = true, description = "The profile's id") UUID profileId) {
}
