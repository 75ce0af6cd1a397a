package dev.kreis.platform.api;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import dev.kreis.platform.storage.DatabaseOutage;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become RFC 9457 responses. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    DatabaseOutage outage;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.toProblem());
    }

    /** A module's problem (SPI {@link dev.kreis.spi.api.ProblemException}), answered like the platform's own. */
    @ServerExceptionMapper
    public Response module(dev.kreis.spi.api.ProblemException e) {
        String slug = switch (e.status()) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 422 -> "invalid-input";
            default -> "client-error";
        };
        return respond(Problem.of(e.status(), slug, e.title(), e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList()));
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsProblem e) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(e.toProblem()).build();
    }

    /** No credentials, or credentials that were not accepted (wrong, expired, revoked, locked). */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        if (outage.recognises(e)) {
            return unavailable();
        }
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Basic realm=\"kreis\", Bearer")
                .entity(Problem.of(401, "unauthenticated", "Unauthenticated",
                        "Send valid credentials: HTTP Basic for an account, or Authorization: Bearer with an API or Keycloak token",
                        List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this request", List.of()));
    }

    /**
     * Quarkus ships its own mapper for this subclass (with a non-problem body); one registered here
     * takes precedence over it.
     */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonBounds.OutOfRange range) {
            return respond(new InvalidInputException(JsonPaths.of(range.getPath()), range.complaint()).toProblem());
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = JsonPaths.of(mismatch.getPath());
            return respond(Problem.of(400, "malformed-request", "Malformed request",
                    field + ": value has the wrong type or format",
                    List.of(new Problem.FieldError(field, "value has the wrong type or format"))));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            return respond(Problem.of(400, "malformed-request", "Malformed request", field + ": cannot be read",
                    List.of(new Problem.FieldError(field, "cannot be read"))));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "malformed-request", "Malformed request",
                "The body is not valid JSON" + where, List.of()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(JsonPaths.ofPropertyPath(v.getPropertyPath().toString()), v.getMessage()))
                .collect(Collectors.toList());
        return respond(new InvalidInputException(errors).toProblem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(Problem.of(status, "internal", "Internal error", "The server could not complete the request", List.of()));
        }
        String title = status == 400 ? "Malformed request"
                : Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = e.getCause() instanceof JsonProcessingException ? "The body is not valid JSON" : e.getMessage();
        return respond(Problem.of(status, slug(status), title, detail, List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (outage.recognises(e)) {
            return unavailable();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "internal", "Internal error", "The server could not complete the request", List.of()));
    }

    /** 503 while the database cannot be reached: the client may retry after a while; logged once per outage, not here. */
    private Response unavailable() {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", outage.retryAfterSeconds())
                .entity(Problem.of(503, "unavailable", "Service unavailable", "The database cannot be reached; retry later", List.of()))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }
}
