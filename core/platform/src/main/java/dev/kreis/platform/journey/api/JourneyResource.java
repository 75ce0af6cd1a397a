package dev.kreis.platform.journey.api;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.journey.Journeys;
import dev.kreis.platform.journey.api.JourneyViews.JourneyView;
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

/** One customer's journey. See docs/api.md. */
@Path("/api/v1/customers/{id}/journey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class JourneyResource {
    private final Journeys journeys;

    JourneyResource(Journeys journeys) {
        this.journeys = journeys;
    }

    @GET
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "getCustomerJourney", summary = "The customer's journey: current and last-touch phase, time in each phase, peak-end score",
            description = "Over the touchpoints of all the customer's profiles in [from, to); both optional, ISO-8601 or a date.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "422", description = "from is not before to")
    @APIResponse(responseCode = "200")
    public JourneyView journey(@PathParam("id") String id,
            @QueryParam("from") @Parameter(description = "Start of the window, included (ISO-8601 instant or a date); left out: unbounded") String from,
            @QueryParam("to") @Parameter(description = "End of the window, excluded (ISO-8601 instant or a date); left out: unbounded") String to) {
        return JourneyView.of(journeys.of(Ids.parse("id", id), JourneyParams.window(from, to)));
    }
}
