package dev.kreis.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;

/** The actor name recorded for a request: the caller's principal name. */
public final class Actors {
    /** Recorded when a request reached a service without an authenticated caller (only where security lets it through). */
    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    public static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null
                || identity.getPrincipal().getName() == null || identity.getPrincipal().getName().isBlank()) {
            return ANONYMOUS;
        }
        return identity.getPrincipal().getName();
    }
}
