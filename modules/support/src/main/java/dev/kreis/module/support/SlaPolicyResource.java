package dev.kreis.module.support;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.api.ChangesSettings;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SLA policies, one per priority: {@code /api/v1/support/sla-policies}. */
@Path("/api/v1/support/sla-policies")
@ChangesSettings
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support")
public class SlaPolicyResource {
    private final SupportStore store;
    private final SecurityIdentity caller;

    SlaPolicyResource(SupportStore store, SecurityIdentity caller) {
        this.store = store;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(TicketResource.READ)
    @Operation(summary = "The SLA policies, most urgent first")
    public List<SlaPolicy> list() {
        List<SlaPolicy> policies = new java.util.ArrayList<>(store.policies());
        java.util.Collections.reverse(policies);
        return policies;
    }

    @PUT
    @Path("/{priority}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(TicketResource.WRITE)
    @Transactional
    @Operation(summary = "Set the targets of one priority", description = "firstResponseMinutes 1 to 43,200; resolutionMinutes from "
            + "firstResponseMinutes to 525,600. Tickets opened from now on (or whose priority changes) get the new targets; existing "
            + "tickets keep theirs.")
    public SlaPolicy put(@PathParam("priority") String priority, JsonNode json) {
        Priority which = Priority.fromWire(priority == null ? "" : priority.strip())
                .orElseThrow(() -> ProblemException.notFound("SLA policy '" + priority + "' (priorities: " + Priority.ALLOWED + ")"));
        Body body = Body.of(json, false).only(Set.of("firstResponseMinutes", "resolutionMinutes"));
        Optional<Integer> firstResponse = body.integer("firstResponseMinutes", true, 1, SlaPolicy.MAX_FIRST_RESPONSE_MINUTES);
        Optional<Integer> resolution = body.integer("resolutionMinutes", true, 1, SlaPolicy.MAX_RESOLUTION_MINUTES);
        if (firstResponse.isPresent() && resolution.isPresent() && resolution.get() < firstResponse.get()) {
            body.fail("resolutionMinutes", "must be at least firstResponseMinutes (" + firstResponse.get() + ")");
        }
        body.check();
        String actor = caller == null || caller.isAnonymous() ? null : caller.getPrincipal().getName();
        store.putPolicy(which, firstResponse.get(), resolution.get(), Tickets.now(), actor);
        return store.policy(which);
    }
}
