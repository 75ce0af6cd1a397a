package dev.kreis.platform.identity.api;

import java.util.UUID;

/** The customer a profile resolved into, and the profile's id. */
public record ProfileResponse(UUID customerId, UUID profileId) {
}
