package dev.kreis.platform.touchpoint.api;

import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.touchpoint.Timeline;
import dev.kreis.platform.touchpoint.persistence.TouchpointRepository.TimelineFilter;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.JourneyPhase;
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

@Path("/api/v1/customers/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class TimelineResource {
    private final Timeline timeline;

    TimelineResource(Timeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "getTimeline", summary = "The customer's touchpoints from all its profiles, newest first",
            description = "from is inclusive, to exclusive; both ISO-8601.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200", description = "One page of touchpoints", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = TouchpointPage.class)))
    public Page<TouchpointView> list(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("channel") @Parameter(description = "Only touchpoints of this channel: web, email, phone, chat, store, social, app, sms, event or other") String channel,
            @QueryParam("module") @Parameter(description = "Only touchpoints of this module, such as support") String module,
            @QueryParam("type") @Parameter(description = "Only touchpoints of this type, such as support.ticket_opened") String type,
            @QueryParam("phase") @Parameter(description = "Only touchpoints in this journey phase: awareness, interest, consideration, intent, purchase, retention or advocacy") String phase,
            @QueryParam("from") @Parameter(description = "Only touchpoints at or after this instant (ISO-8601)") String from,
            @QueryParam("to") @Parameter(description = "Only touchpoints before this instant (ISO-8601), excluded") String to) {
        TimelineFilter filter = new TimelineFilter(
                QueryParams.wire("channel", channel, Channel::fromWire, "web, email, phone, chat, store, social, app, sms, event, other")
                        .map(Channel::wire).orElse(null),
                blankToNull(module), blankToNull(type),
                QueryParams.wire("phase", phase, JourneyPhase::fromWire, "awareness, interest, consideration, intent, purchase, retention, advocacy")
                        .map(JourneyPhase::wire).orElse(null),
                QueryParams.time("from", from).orElse(null), QueryParams.time("to", to).orElse(null));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new MalformedRequestException("from", "must be before to");
        }
        return timeline.of(Ids.parse("id", id), filter, Cursor.decode(cursor), QueryParams.limit(limit)).map(TouchpointView::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A page of touchpoints as the API document shows it (the answer is a {@link Page}). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PageTouchpointView",
            example = "{\"items\": [" + TouchpointView.EXAMPLE + "], \"nextCursor\": null}")
    public record TouchpointPage(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The touchpoints of this page, newest first") java.util.List<TouchpointView> items,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }
}
