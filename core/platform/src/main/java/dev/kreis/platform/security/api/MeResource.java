package dev.kreis.platform.security.api;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.kreis.platform.module.ModuleRegistry;
import dev.kreis.platform.security.Capability;
import dev.kreis.platform.security.KreisIdentities;
import dev.kreis.platform.security.MatrixPermissionAugmentor;
import dev.kreis.platform.security.Role;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class MeResource {
    private final SecurityIdentity caller;
    private final ModuleRegistry modules;

    MeResource(SecurityIdentity caller, ModuleRegistry modules) {
        this.caller = caller;
        this.modules = modules;
    }

    /** Who the caller is, how they authenticated, and what the matrix and the enabled modules let them do. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(example = """
            {"name": "sam", "authenticatedBy": "session", "roles": ["sales"],
             "permissions": ["customer-record:read", "sales:read", "sales:write"]}""")
    public record Me(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The user name (token:<name> for API tokens)") String name,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, enumeration = { "basic", "session", "token", "oidc" },
                    description = "How the caller signed in") String authenticatedBy,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "Role keys, sorted") List<String> roles,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "What the roles allow, with the enabled modules' permissions, sorted") Set<String> permissions) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "getMe", summary = "The caller: name, roles and permissions")
    public Me me() {
        Set<Role> roles = MatrixPermissionAugmentor.rolesOf(caller);
        String by = caller.getAttribute(KreisIdentities.AUTHENTICATED_BY);
        List<String> keys = roles.stream().sorted().map(Role::key).toList();
        Set<String> permissions = new TreeSet<>(Capability.permissionsOf(roles));
        permissions.addAll(modules.permissionsOf(keys));
        return new Me(caller.getPrincipal().getName(), by == null ? "oidc" : by, keys, permissions);
    }
}
