package dev.kreis.platform.security.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.platform.security.BrowserSessions;
import dev.kreis.platform.security.KreisIdentities;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;

/** The browser session of the web UI: signing in is the form post to /j_security_check, signing out is here. */
@Path("/api/v1/session")
@Tag(name = "Users")
public class SessionResource {
    private final SecurityIdentity caller;
    private final BrowserSessions sessions;
    private final RoutingContext http;

    SessionResource(SecurityIdentity caller, BrowserSessions sessions, RoutingContext http) {
        this.caller = caller;
        this.sessions = sessions;
        this.http = http;
    }

    @DELETE
    @Authenticated
    @Operation(operationId = "signOut", summary = "Sign out: end the caller's browser session",
            description = "Removes the session cookies and records session.ended in the audit log. A caller signed in "
                    + "with HTTP Basic or an API token has no session; the call then only records the sign-out.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "A browser session without the X-Kreis-CSRF header")
    public void signOut() {
        sessions.signOut(http, caller.getPrincipal().getName(), caller.getAttribute(KreisIdentities.SUBJECT_ID));
    }
}
