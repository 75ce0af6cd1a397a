package dev.kreis.platform.identity;

import java.util.UUID;

/** Where a submitted profile ended up, and whether it was new. */
public record ProfileResult(UUID customerId, UUID profileId, boolean created) {
}
