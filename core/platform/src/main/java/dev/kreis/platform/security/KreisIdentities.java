package dev.kreis.platform.security;

import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the identities of local accounts and API tokens; attribute names shared with {@code /api/v1/me}. */
public final class KreisIdentities {
    /** How the caller authenticated: {@code basic}, {@code token} or (Keycloak) absent. */
    public static final String AUTHENTICATED_BY = "kreis.authenticated-by";
    /** The id of the local account or API token. */
    public static final String SUBJECT_ID = "kreis.subject-id";

    private KreisIdentities() {
    }

    static SecurityIdentity of(String principal, Set<Role> roles, String authenticatedBy, UUID subjectId) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addAttribute(AUTHENTICATED_BY, authenticatedBy)
                .addAttribute(SUBJECT_ID, subjectId.toString());
        roles.forEach(role -> builder.addRole(role.key()));
        return builder.build();
    }
}
