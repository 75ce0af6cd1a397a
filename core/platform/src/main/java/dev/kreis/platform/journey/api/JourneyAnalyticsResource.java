package dev.kreis.platform.journey.api;

import java.time.Clock;

import dev.kreis.platform.journey.JourneyAnalytics;
import dev.kreis.platform.journey.api.JourneyViews.PhaseMetricsView;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Journeys across all customers over a period. See docs/api.md and docs/kpis.md. */
@Path("/api/v1/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journeys")
public class JourneyAnalyticsResource {
    private final JourneyAnalytics analytics;
    private final Clock clock;

    JourneyAnalyticsResource(JourneyAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @GET
    @Path("/phases/{phase}/metrics")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getPhaseMetrics", summary = "A phase's journey-level figures in [from, to) and the touchpoint metrics underneath them")
    @APIResponse(responseCode = "422", description = "from is not before to")
    @APIResponse(responseCode = "200")
    public PhaseMetricsView phaseMetrics(@PathParam("phase") @Parameter(description = "The journey phase: awareness, interest, consideration, intent, purchase, retention or advocacy") String phase,
            @QueryParam("from") @Parameter(description = "Start of the period, included (ISO-8601 instant or a date); left out: 90 days before to") String from,
            @QueryParam("to") @Parameter(description = "End of the period, excluded (ISO-8601 instant or a date); left out: now") String to) {
        return PhaseMetricsView.of(analytics.phaseMetrics(JourneyParams.phase(phase), JourneyParams.period(from, to, clock)));
    }
}
