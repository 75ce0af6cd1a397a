package dev.kreis.platform.module.api;

import dev.kreis.platform.api.Problem;
import dev.kreis.platform.module.ModuleStates;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * While a module is not installed or disabled, its API ({@code /api/v1/<module id>/...}) answers 404
 * with a problem body saying so. Callers without valid credentials still get 401 from the endpoint's
 * security check, so the gate reveals nothing to them; authenticated callers learn the module is off
 * before their permissions are checked, because an uninstalled module's permissions are not granted.
 */
public class ModuleApiGate {
    private static final String PREFIX = "/api/v1/";
    private final ModuleStates states;
    private final CurrentIdentityAssociation identities;

    ModuleApiGate(ModuleStates states, CurrentIdentityAssociation identities) {
        this.states = states;
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> gate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        int end = path.indexOf('/', PREFIX.length());
        String segment = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
        if (!states.isModule(segment)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .map(identity -> {
                    if (identity == null || identity.isAnonymous() || states.permits(segment)) {
                        return null;
                    }
                    return Response.status(404).type(Problem.MEDIA_TYPE)
                            .entity(Problem.of(404, "module-not-installed", "Module not installed",
                                    "Module " + segment + " is not installed or is disabled; an admin can install it (POST /api/v1/modules/"
                                            + segment + "/install)",
                                    List.of()))
                            .build();
                });
    }
}
