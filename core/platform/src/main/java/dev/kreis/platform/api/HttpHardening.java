package dev.kreis.platform.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * What every HTTP answer carries, in one place for all endpoints, the platform's and the modules':
 * <ul>
 * <li>a request with a body but no {@code Content-Type} to {@code /api} or {@code /public} is answered
 * 415 before anything reads it (a browser form cannot post JSON to Kreis on a user's behalf);</li>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY} on every answer;
 * {@code Cache-Control: no-store} on every answer of {@code /api} and {@code /public} (they carry
 * personal data); a content security policy on Swagger UI;</li>
 * <li>a {@code Location} is never built from the request's {@code Host}: it is
 * {@code kreis.public-base-url} followed by the path, or the path alone when that is not set (a redirect
 * to another server, such as Keycloak's login page, is left as it is).</li>
 * </ul>
 */
@Singleton
public class HttpHardening {
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final Optional<String> publicBaseUrl;
    private final ObjectMapper json;

    HttpHardening(@ConfigProperty(name = "kreis.public-base-url") Optional<URI> publicBaseUrl, ObjectMapper json) {
        this.publicBaseUrl = publicBaseUrl.map(URI::toString).map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-1100).handler(context -> {
            context.addHeadersEndHandler(ignored -> harden(context));
            HttpServerRequest request = context.request();
            if (dataPath(request.path()) && bodyWithoutType(request)) {
                Problem problem = Problem.of(415, "unsupported-media-type", "Unsupported media type",
                        "A request with a body must say what it is: send Content-Type: application/json", List.of());
                context.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(write(problem));
                return;
            }
            context.next();
        });
    }

    private void harden(RoutingContext context) {
        HttpServerResponse response = context.response();
        String path = context.request().path();
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("X-Frame-Options", "DENY");
        if (dataPath(path)) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (path != null && path.startsWith("/q/swagger-ui")) {
            response.putHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
        }
        String location = response.headers().get(HttpHeaders.LOCATION);
        if (location != null && toThisServer(location, context.request().getHeader(HttpHeaders.HOST))) {
            response.putHeader(HttpHeaders.LOCATION, location(location));
        }
    }

    /**
     * Whether a location points at Kreis itself: relative, or with the authority the request brought. A
     * redirect to another server — Keycloak's login and logout pages in the browser sign-in — is left alone.
     */
    public static boolean toThisServer(String location, String requestAuthority) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return true;
        }
        return uri.getRawAuthority() == null || uri.getRawAuthority().equalsIgnoreCase(requestAuthority);
    }

    /** The location with the scheme and authority the request brought replaced by the configured base URL, or left out. */
    String location(String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return publicBaseUrl.orElse("") + path + query;
    }

    private static boolean dataPath(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/public/"));
    }

    private static boolean bodyWithoutType(HttpServerRequest request) {
        if (!WITH_BODY.contains(request.method())) {
            return false;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !type.isBlank()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.trim().equals("0"));
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
