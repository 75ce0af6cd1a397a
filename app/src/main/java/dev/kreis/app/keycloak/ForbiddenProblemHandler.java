package dev.kreis.app.keycloak;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Problem;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Answers a denial by an HTTP security policy — Keycloak's policy enforcer — with the same RFC 9457
 * problem as a denial by {@code @PermissionsAllowed}, instead of Quarkus' empty 403.
 */
@ApplicationScoped
public class ForbiddenProblemHandler {

    private final String body;

    ForbiddenProblemHandler(ObjectMapper json) throws JsonProcessingException {
        this.body = json.writeValueAsString(
                Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this request", List.of()));
    }

    void install(@Observes Router router) {
        router.route().order(-1001).failureHandler(context -> {
            if (context.failure() instanceof ForbiddenException && !context.response().headWritten()) {
                context.response().setStatusCode(403).setStatusMessage("Forbidden")
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
                return;
            }
            context.next();
        });
    }
}
