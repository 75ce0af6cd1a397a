package dev.kreis.platform.signal.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.signal.CustomerTags;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerTagResource {
    private final CustomerTags tags;

    CustomerTagResource(CustomerTags tags) {
        this.tags = tags;
    }

    /** One tag: its name, the rule and touchpoint that set it, and when. */
    public record TagView(@Schema(required = true, description = "The tag, e.g. at-risk") String tag, @Schema(required = true, nullable = true, description = "The rule that set it; null when no rule did") UUID ruleId, @Schema(required = true, nullable = true, description = "The touchpoint that set it off; null when none did") UUID touchpointId, @Schema(required = true, format = "date-time") OffsetDateTime taggedAt) {
    }

    /** The tags of a customer, by name. */
    @Schema(example = """
            {"customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "items": [{"tag": "at-risk", "ruleId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
             "touchpointId": "7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f", "taggedAt": "2026-01-31T09:30:00Z"}]}""")
    public record TagsView(@Schema(required = true, description = "The customer asked for") UUID customerId, @Schema(required = true) List<TagView> items) {
    }

    @GET
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "listCustomerTags", summary = "The tags signal rules put on a customer (and on customers merged into it)")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200")
    public TagsView list(@PathParam("id") String id) {
        UUID customerId = Ids.parse("id", id);
        return new TagsView(customerId, tags.of(customerId).stream()
                .map(t -> new TagView(t.tag(), t.ruleId(), t.touchpointId(), t.taggedAt())).toList());
    }
}
