package dev.kreis.platform.security.api;

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
    @Operation(summary = "Create a local account (admin)")
    public Response create(UserRequest request) {
        return Response.status(201).entity(UserView.of(accounts.create(requests.newAccount(request), actor()))).build();
    }

    @GET
    @PermissionsAllowed(Permissions.USERS_READ)
    @Operation(summary = "List local accounts, oldest first (admin)")
    public Page<UserView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return accounts.list(Cursor.decode(cursor), QueryParams.limit(limit)).map(UserView::of);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.USERS_READ)
    @Operation(summary = "One local account (admin)")
    public UserView get(@PathParam("id") String id) {
        return UserView.of(accounts.get(Ids.parse("id", id)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.USERS_WRITE)
    @Operation(summary = "Change roles, password, name, e-mail, enabled; unlock after a lockout (admin)")
    public UserView update(@PathParam("id") String id, UserRequest request) {
        var account = accounts.get(Ids.parse("id", id));
        return UserView.of(accounts.update(account.id(), requests.change(request, account.username()), actor()));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.USERS_WRITE)
    @Operation(summary = "Delete a local account (admin); not your own, not the last admin")
    public Response delete(@PathParam("id") String id) {
        accounts.delete(Ids.parse("id", id), actor());
        return Response.noContent().build();
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }
}
