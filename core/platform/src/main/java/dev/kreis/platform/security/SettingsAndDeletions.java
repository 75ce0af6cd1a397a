package dev.kreis.platform.security;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.kreis.platform.api.Problem;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.module.ModuleRegistry;
import dev.kreis.spi.api.ChangesSettings;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

/**
 * Deletions and changes to settings and policies ({@link ChangesSettings}), on every endpoint of the
 * platform and of the modules: refused (403) to a caller who holds the endpoint's permission only through
 * the {@code integration} role — sync jobs write data, they do not delete it or change how Kreis behaves —
 * and, when they succeed, audited whoever made them: {@code data.deleted} or {@code setting.changed}, the
 * request as target ({@code DELETE /api/v1/...}) and, for a setting, the answer as the new state. One exception:
 * an endpoint marked {@link IntegrationDeletesOwn} lets the integration role delete a record it created itself
 * (cancel its own import), still audited.
 */
public class SettingsAndDeletions {
    private static final String AUDITED = "kreis.audited-change";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final CurrentIdentityAssociation identities;
    private final Instance<ModuleRegistry> modules;
    private final AuditLog audit;

    SettingsAndDeletions(CurrentIdentityAssociation identities, Instance<ModuleRegistry> modules, AuditLog audit) {
        this.identities = identities;
        this.modules = modules;
        this.audit = audit;
    }

    @ServerRequestFilter
    public Uni<Response> refuseToIntegration(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        String action = method == null || !WRITES.contains(request.getMethod()) ? null
                : "DELETE".equals(request.getMethod()) ? "data.deleted" : settings(method) ? "setting.changed" : null;
        if (action == null) {
            return Uni.createFrom().nullItem();
        }
        request.setProperty(AUDITED, action);
        Set<String> required = required(method);
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(identity -> onlyThroughIntegration(identity, required) && !ownRecord(method, request, identity) ? forbidden(action) : null);
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response) {
        Object action = request.getProperty(AUDITED);
        if (action == null || response.getStatus() < 200 || response.getStatus() >= 300) {
            return;
        }
        String actor = request.getSecurityContext().getUserPrincipal() == null ? "anonymous"
                : request.getSecurityContext().getUserPrincipal().getName();
        String target = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath();
        // A setting's new state is kept; whatever a deletion answers is not (it may describe a person).
        Object after = "setting.changed".equals(action) && response.hasEntity() ? response.getEntity() : null;
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, action.toString(), "api", target, null, after));
    }

    private boolean onlyThroughIntegration(SecurityIdentity identity, Set<String> required) {
        if (identity == null || identity.isAnonymous() || required.isEmpty()) {
            return false;
        }
        Set<Role> roles = MatrixPermissionAugmentor.rolesOf(identity);
        if (!roles.contains(Role.INTEGRATION)) {
            return false;
        }
        Set<Role> others = EnumSet.noneOf(Role.class);
        others.addAll(roles);
        others.remove(Role.INTEGRATION);
        Set<String> held = new TreeSet<>(Capability.permissionsOf(others));
        held.addAll(modules.get().permissionsOf(others.stream().map(Role::key).toList()));
        return required.stream().noneMatch(held::contains);
    }

    /** A deletion the integration role may make of its own record ({@link IntegrationDeletesOwn}), on a record it created. */
    private static boolean ownRecord(Method method, ContainerRequestContext request, SecurityIdentity identity) {
        IntegrationDeletesOwn own = method.getAnnotation(IntegrationDeletesOwn.class);
        if (own == null || !"DELETE".equals(request.getMethod())) {
            return false;
        }
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        try (InstanceHandle<? extends IntegrationDeletesOwn.OwnedRecords> records = Arc.container().instance(own.value())) {
            return id != null && records.isAvailable() && records.get().createdBy(id, Actors.of(identity));
        }
    }

    private static boolean settings(Method method) {
        return method.isAnnotationPresent(ChangesSettings.class) || method.getDeclaringClass().isAnnotationPresent(ChangesSettings.class);
    }

    private static Set<String> required(Method method) {
        PermissionsAllowed allowed = method.getAnnotation(PermissionsAllowed.class);
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(PermissionsAllowed.class);
        }
        return allowed == null ? Set.of() : Set.copyOf(Arrays.asList(allowed.value()));
    }

    private static Response forbidden(String action) {
        String what = "data.deleted".equals(action) ? "delete data" : "change settings or policies";
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "forbidden", "Forbidden", "The integration role does not " + what
                        + "; ask a person with the department's role", List.of()))
                .build();
    }
}
