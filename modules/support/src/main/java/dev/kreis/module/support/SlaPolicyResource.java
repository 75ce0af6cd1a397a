package dev.kreis.module.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.spi.api.ApiDocs;
import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.api.ChangesSettings;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** SLA policies, one per priority: {@code /api/v1/support/sla-policies}. */
@Path("/api/v1/support/sla-policies")
@ChangesSettings
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support")
@APIResponse(responseCode = "401", description = SupportDocs.UNAUTHENTICATED, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = SupportDocs.FORBIDDEN, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = SupportDocs.NOT_FOUND, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
public class SlaPolicyResource {
    private final SupportStore store;
    private final SecurityIdentity caller;

    SlaPolicyResource(SupportStore store, SecurityIdentity caller) {
        this.store = store;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(TicketResource.READ)
    @Operation(operationId = "listSlaPolicies", summary = "The SLA policies, most urgent first", description = "One policy per priority.")
    @APIResponse(responseCode = "200", description = "The four policies.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SlaPolicy.class),
            examples = @ExampleObject(name = "policies", value = "[" + SupportDocs.POLICY_EXAMPLE + "]")))
    public List<SlaPolicy> list() {
        List<SlaPolicy> policies = new ArrayList<>(store.policies());
        Collections.reverse(policies);
        return policies;
    }

    @PUT
    @Path("/{priority}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(TicketResource.WRITE)
    @Transactional
    @Operation(operationId = "setSlaPolicy", summary = "Set the targets of one priority", description = "firstResponseMinutes 1 to 43,200; "
            + "resolutionMinutes from firstResponseMinutes to 525,600. Tickets opened from now on (or whose priority changes) get the new "
            + "targets; existing tickets keep theirs.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequests.Policy.class),
            examples = @ExampleObject(name = "high", value = "{\"firstResponseMinutes\": 60, \"resolutionMinutes\": 480}")))
    @APIResponse(responseCode = "200", description = "The policy as stored.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SlaPolicy.class), examples = @ExampleObject(name = "high", value = SupportDocs.POLICY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = SupportDocs.MALFORMED, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = SupportDocs.INVALID, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public SlaPolicy put(@Parameter(description = "The priority whose targets to set.", schema = @Schema(enumeration = { "low", "normal", "high",
            "urgent" })) @PathParam("priority") String priority, @Valid TicketRequests.Policy body) {
        Priority which = Priority.fromWire(priority == null ? "" : priority.strip())
                .orElseThrow(() -> ProblemException.notFound("SLA policy '" + priority + "' (priorities: " + Priority.ALLOWED + ")"));
        if (body == null) {
            throw ProblemException.missingBody();
        }
        if (body.resolutionMinutes() < body.firstResponseMinutes()) {
            throw ProblemException.invalid("resolutionMinutes", "must be at least firstResponseMinutes (" + body.firstResponseMinutes() + ")");
        }
        String actor = caller == null || caller.isAnonymous() ? null : caller.getPrincipal().getName();
        store.putPolicy(which, body.firstResponseMinutes(), body.resolutionMinutes(), Tickets.now(), actor);
        return store.policy(which);
    }
}
