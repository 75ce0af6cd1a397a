package dev.kreis.platform.identity.api;

import java.net.URI;
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

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "submitProfile", summary = "Submit what a source knows about a person or organisation",
            description = "Creates or updates the profile (source, externalId) and resolves it into a customer: "
                    + "201 when the profile is new, 200 when it was updated. 409 when it carries identifiers of an erased person "
                    + "and no consent grant.")
    @APIResponse(responseCode = "201", description = "A new profile: where it was resolved to", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileResponse.class)), headers = @Header(name = "Location", description = "The URL of what was created", required = true, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "200", description = "An update of a known profile: where it was resolved to", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileResponse.class)))
    @APIResponse(responseCode = "409", description = "The profile changes kind, or carries identifiers of an erased person and no consent grant")
    @APIResponse(responseCode = "422", description = "Invalid fields; each is named")
    @APIResponse(responseCode = "429", description = "Over the ingestion rate limit")
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
        ProfileResponse resolved = new ProfileResponse(result.customerId(), result.profileId());
        return result.created() ? Response.created(URI.create("/api/v1/customers/" + resolved.customerId())).entity(resolved).build()
                : Response.ok(resolved).build();
    }
}
