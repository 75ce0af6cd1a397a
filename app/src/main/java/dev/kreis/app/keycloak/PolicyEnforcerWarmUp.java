package dev.kreis.app.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.keycloak.pep.PolicyEnforcerResolver;
import io.quarkus.runtime.StartupEvent;

/**
 * In keycloak mode, builds the policy enforcer at start instead of on the first request: building it reads
 * Keycloak's discovery document and looks the configured paths up, blocking calls that would otherwise
 * hold up the first request's event-loop thread. If Keycloak cannot be reached yet, Kreis starts anyway and
 * the enforcer is built on a later request.
 */
@ApplicationScoped
public class PolicyEnforcerWarmUp {

    private static final Logger LOG = Logger.getLogger(PolicyEnforcerWarmUp.class);

    void warmUp(@Observes StartupEvent event, @ConfigProperty(name = "kreis.security.mode") String mode,
            PolicyEnforcerResolver resolver) {
        if (!SecurityModes.KEYCLOAK.equals(mode)) {
            return;
        }
        try {
            resolver.getReadTimeout(); // the first call on the bean creates the enforcer
            LOG.info("Keycloak policy enforcer ready");
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak is not reachable yet (%s); the policy enforcer will be built on a later request", e.getMessage());
        }
    }
}
