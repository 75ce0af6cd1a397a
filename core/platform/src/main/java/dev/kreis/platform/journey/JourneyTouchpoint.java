package dev.kreis.platform.journey;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A touchpoint as a journey names it, for instance as its peak or its end. */
public record JourneyTouchpoint(UUID id, String type, OffsetDateTime occurredAt) {
}
