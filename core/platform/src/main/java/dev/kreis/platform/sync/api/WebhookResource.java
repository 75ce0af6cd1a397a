package dev.kreis.platform.sync.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.platform.api.PayloadTooLargeProblem;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.security.RateLimits;
import dev.kreis.platform.sync.SyncConfig;
import dev.kreis.platform.sync.Webhooks;
import dev.kreis.spi.connector.WebhookRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Webhooks from a CRM. No login: the vendor's signature is the credential (the connector verifies it with
 * the connection's secret); unsigned, forged or stale requests get 401 and change nothing. Requests are
 * counted per connection and client address before the signature is checked (429 over the limit), and a
 * body over {@code kreis.sync.webhook-max-body-size} gets 413.
 */
@Path("/api/v1/connections/{id}/webhook")
@Tag(name = "Connections")
@SecurityRequirementsSet
@PermitAll
public class WebhookResource {
    private final Webhooks webhooks;
    private final SyncConfig config;
    private final RateLimits limits;
    private final RoutingContext http;

    WebhookResource(Webhooks webhooks, SyncConfig config, RateLimits limits, RoutingContext http) {
        this.webhooks = webhooks;
        this.config = config;
        this.limits = limits;
        this.http = http;
    }

    /** The answer to an accepted webhook. */
    @Schema(name = "WebhookAccepted", example = "{\"accepted\":2}")
    public record Accepted(@Schema(required = true, description = "New events that will be applied (repeats are dropped)") int accepted) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveWebhook", summary = "Receive a CRM's webhook (signed, no login)",
            description = "HubSpot: a JSON array of events signed with X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp (at most 5 minutes "
                    + "old). The records named are read from the CRM and applied within seconds.")
    @RequestBody(description = "The vendor's event payload, exactly as sent",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, description = "HubSpot's events"),
                    example = "[{\"eventId\":100,\"subscriptionType\":\"contact.propertyChange\","
                    + "\"objectId\":5101,\"occurredAt\":1769854500000}]"))
    @APIResponse(responseCode = "202", description = "Verified and accepted", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "Unsigned, forged or stale, or no such connection", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than kreis.sync.webhook-max-body-size (1 MB by default)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The body is not the vendor's event format", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many webhook requests for this connection from this address "
            + "(kreis.security.rate-limit.webhooks-per-minute), counted before the signature check", headers = @Header(name = "Retry-After",
            description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response receive(@Parameter(description = "The connection's id") @PathParam("id") String idText, byte[] body) {
        UUID id = Ids.parse("id", idText);
        limits.webhook(id.toString(), http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress());
        long max = config.webhookMaxBodySize().asLongValue();
        if (body != null && body.length > max) {
            throw new PayloadTooLargeProblem("body", "The body may have at most " + max + " bytes");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.request().headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        String path = http.request().uri();
        URI called = URI.create(config.publicBaseUrl().map(base -> base.replaceAll("/+$", "") + path)
                .orElseGet(() -> http.request().absoluteURI()));
        int accepted = webhooks.accept(id, new WebhookRequest(http.request().method().name(), called, headers, body == null ? new byte[0] : body));
        return Response.accepted(new Accepted(accepted)).build();
    }
}
