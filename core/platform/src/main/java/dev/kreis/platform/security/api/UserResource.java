package dev.kreis.platform.security.api;

import java.net.URI;
import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.security.UserAccounts;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {
    private final UserAccounts accounts;
    private final SecurityRequests requests;
    private final SecurityIdentity caller;

    UserResource(UserAccounts accounts, SecurityRequests requests, SecurityIdentity caller) {
        this.accounts = accounts;
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.USERS_WRITE)
    @Operation(operationId = "createUser", summary = "Create a local account (admin)")
    @APIResponse(responseCode = "201", description = "The account", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)), headers = @Header(name = "Location", description = "The URL of what was created", required = true, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "409", description = "The username is taken")
    @APIResponse(responseCode = "422", description = "Invalid fields; each is named")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "new account", value = """
                    {"username": "sam", "password": "correct horse battery staple", "roles": ["sales"], "displayName": "Sam Seller",
                     "email": "sam@example.com"}""")))
    public Response create(UserRequest request) {
        UserView user = UserView.of(accounts.create(requests.newAccount(request), actor()));
        return Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).build();
    }

    @GET
    @PermissionsAllowed(Permissions.USERS_READ)
    @Operation(operationId = "listUsers", summary = "List local accounts, oldest first (admin)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "One page",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = UserView.ListPage.class)))
    public Page<UserView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return accounts.list(Cursor.decode(cursor), QueryParams.limit(limit)).map(UserView::of);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.USERS_READ)
    @Operation(operationId = "getUser", summary = "One local account (admin)")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "200")
    public UserView get(@PathParam("id") String id) {
        return UserView.of(accounts.get(Ids.parse("id", id)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.USERS_WRITE)
    @Operation(operationId = "updateUser", summary = "Change roles, password, name, e-mail, enabled; unlock after a lockout (admin)")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "Removing your own admin role, disabling your own account, or the last enabled admin")
    @APIResponse(responseCode = "422", description = "Invalid fields; each is named")
    @APIResponse(responseCode = "200")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "change roles and unlock", value = """
                    {"roles": ["sales", "viewer"], "unlock": true}""")))
    public UserView update(@PathParam("id") String id, UserRequest request) {
        var account = accounts.get(Ids.parse("id", id));
        return UserView.of(accounts.update(account.id(), requests.change(request, account.username()), actor()));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.USERS_WRITE)
    @Operation(operationId = "deleteUser", summary = "Delete a local account (admin); not your own, not the last admin")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "Your own account, or the last enabled admin")
    public Response delete(@PathParam("id") String id) {
        accounts.delete(Ids.parse("id", id), actor());
        return Response.noContent().build();
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }
}
