package dev.kreis.platform.identity.api;

import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.security.RateLimits;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import dev.kreis.platform.identity.ProfileIntake;
import dev.kreis.platform.identity.ProfileResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/profiles")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
public class ProfileResource {
    private final ProfileRequests requests;
    private final ProfileIntake intake;
    private final RateLimits limits;
    private final SecurityIdentity caller;

    ProfileResource(ProfileRequests requests, ProfileIntake intake, RateLimits limits, SecurityIdentity caller) {
        this.requests = requests;
        this.intake = intake;
        this.limits = limits;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_WRITE)
    @Operation(summary = "Submit what a source knows about a person or organisation",
            description = "Creates or updates the profile (source, externalId) and resolves it into a customer: "
                    + "201 when the profile is new, 200 when it was updated.")
    public Response submit(ProfileRequest request) {
        limits.ingestion(caller, 1);
        ProfileResult result = intake.submit(requests.validate(request));
        return Response.status(result.created() ? 201 : 200)
                .entity(new ProfileResponse(result.customerId(), result.profileId())).build();
    }
}
