package dev.kreis.spi.touchpoint;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link TouchpointSink#record} did.
 *
 * <p>Stability: stable. Immutable.
 *
 * @param touchpointId the stored touchpoint (the earlier one for a duplicate)
 * @param customerId   the customer it belongs to
 * @param duplicate    whether it had been recorded before under the same external id
 */
public record RecordedTouchpoint(UUID touchpointId, UUID customerId, boolean duplicate) {

    /** Checks that every component is present. */
    public RecordedTouchpoint {
        Objects.requireNonNull(touchpointId, "touchpointId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
