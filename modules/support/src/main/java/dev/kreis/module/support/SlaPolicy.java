package dev.kreis.module.support;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The service-level targets for one priority: the first response within {@code firstResponseMinutes} of opening,
 * the resolution within {@code resolutionMinutes} of opening.
 */
@Schema(name = "SlaPolicy", description = "The SLA targets of one priority, in minutes from opening.")
public record SlaPolicy(@Schema(required = true, enumeration = { "low", "normal", "high", "urgent" }) String priority,
        @Schema(required = true, minimum = "1", maximum = "43200") int firstResponseMinutes,
        @Schema(required = true, minimum = "1", maximum = "525600") int resolutionMinutes,
        @Schema(required = true, nullable = true, format = "date-time", description = "When the targets were last set; null for the defaults.")
        Instant updatedAt,
        @Schema(required = true, nullable = true, description = "Who set them last.") String updatedBy) {

    /** The longest first-response target: 30 days. */
    public static final int MAX_FIRST_RESPONSE_MINUTES = 43_200;
    /** The longest resolution target: 365 days. */
    public static final int MAX_RESOLUTION_MINUTES = 525_600;

    public Instant firstResponseDue(Instant openedAt) {
        return openedAt.plus(Duration.ofMinutes(firstResponseMinutes));
    }

    public Instant resolutionDue(Instant openedAt) {
        return openedAt.plus(Duration.ofMinutes(resolutionMinutes));
    }
}
