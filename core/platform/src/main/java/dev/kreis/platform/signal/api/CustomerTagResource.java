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
    public record TagView(String tag, UUID ruleId, UUID touchpointId, OffsetDateTime taggedAt) {
    }

    /** The tags of a customer, by name. */
    public record TagsView(UUID customerId, List<TagView> items) {
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
