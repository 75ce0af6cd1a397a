package dev.kreis.platform.security.api;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.security.ApiTokens;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public class TokenResource {
    private final ApiTokens tokens;
    private final SecurityRequests requests;
    private final SecurityIdentity caller;
    private final Clock clock;

    TokenResource(ApiTokens tokens, SecurityRequests requests, SecurityIdentity caller, Clock clock) {
        this.tokens = tokens;
        this.requests = requests;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.TOKENS_WRITE)
    @Operation(operationId = "createToken", summary = "Issue an API token (admin); the secret is in this answer only",
            description = "Send it as `Authorization: Bearer <token>`.")
    @APIResponse(responseCode = "201", description = "The token with its secret, shown once", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenView.class)), headers = @Header(name = "Location", description = "The URL of what was created", required = true, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "422", description = "Invalid fields; each is named")
    public Response issue(TokenRequest request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SecurityRequests.TokenDraft draft = requests.token(request, now);
        ApiTokens.Issued issued = tokens.issue(draft.name(), draft.roles(), draft.expiresAt(), caller.getPrincipal().getName());
        TokenView token = TokenView.of(issued.token(), issued.secret(), now);
        return Response.created(URI.create("/api/v1/tokens/" + token.id())).entity(token).build();
    }

    @GET
    @PermissionsAllowed(Permissions.TOKENS_READ)
    @Operation(operationId = "listTokens", summary = "List API tokens, newest first, with last use and status (admin)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "One page",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = TokenView.ListPage.class)))
    public Page<TokenView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tokens.list(Cursor.decode(cursor), QueryParams.limit(limit)).map(row -> TokenView.of(row, null, now));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TOKENS_READ)
    @Operation(operationId = "getToken", summary = "One API token (admin)")
    @APIResponse(responseCode = "404", description = "No such token")
    @APIResponse(responseCode = "200")
    public TokenView get(@PathParam("id") String id) {
        return TokenView.of(tokens.get(Ids.parse("id", id)), null, OffsetDateTime.now(clock));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TOKENS_WRITE)
    @Operation(operationId = "revokeToken", summary = "Revoke an API token (admin); takes effect on the next request")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(Ids.parse("id", id), caller.getPrincipal().getName());
        return Response.noContent().build();
    }
}
