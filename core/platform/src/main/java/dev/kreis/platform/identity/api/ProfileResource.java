package dev.kreis.platform.identity.api;

import java.util.ArrayList;
import java.util.List;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.privacy.ConsentDecision;
import dev.kreis.platform.privacy.ProfileAdmission;
import dev.kreis.platform.privacy.api.ConsentRequests;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.security.RateLimits;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
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
    private final ConsentRequests consentRequests;
    private final ProfileAdmission admission;
    private final RateLimits limits;
    private final SecurityIdentity caller;

    ProfileResource(ProfileRequests requests, ConsentRequests consentRequests, ProfileAdmission admission, RateLimits limits,
            SecurityIdentity caller) {
        this.requests = requests;
        this.consentRequests = consentRequests;
        this.admission = admission;
        this.limits = limits;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_WRITE)
    @Operation(summary = "Submit what a source knows about a person or organisation",
            description = "Creates or updates the profile (source, externalId) and resolves it into a customer: "
                    + "201 when the profile is new, 200 when it was updated. 409 when it carries identifiers of an erased person "
                    + "and no consent grant.")
    public Response submit(ProfileRequest request) {
        limits.ingestion(caller, 1);
        List<FieldError> errors = new ArrayList<>();
        ProfileSubmission submission = null;
        try {
            submission = requests.validate(request);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        List<ConsentDecision> consents = request == null || request.consents() == null ? List.of()
                : consentRequests.read("consents", request.consents(), submission == null ? "unknown" : submission.source(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ProfileResult result = admission.admit(submission, request.identifiers(), consents, Actors.of(caller));
        return Response.status(result.created() ? 201 : 200)
                .entity(new ProfileResponse(result.customerId(), result.profileId())).build();
    }
}
