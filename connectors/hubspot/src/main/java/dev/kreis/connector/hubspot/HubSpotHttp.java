package dev.kreis.connector.hubspot;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.spi.connector.ConnectionConfig;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.RateLimitState;

/**
 * HubSpot's HTTP API with the JDK client: bearer tokens (a private app's, or OAuth access tokens refreshed
 * before {@code expires_in} runs out, https://developers.hubspot.com/docs/api/oauth/tokens), errors
 * classified by status (https://developers.hubspot.com/docs/api/error-handling: 429 rate limits, 5xx passing),
 * and the {@code X-HubSpot-RateLimit-*} headers of every answer
 * (https://developers.hubspot.com/docs/api/usage-details#rate-limits).
 */
final class HubSpotHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ConnectionConfig config;
    private final URI base;
    private volatile String accessToken;
    private volatile Instant expiresAt;
    private volatile RateLimitState rateLimit = RateLimitState.UNKNOWN;

    HubSpotHttp(ConnectionConfig config) {
        this.config = config;
        String url = config.baseUrl().toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.accessToken = config.credential("accessToken").orElse(null);
        this.expiresAt = accessToken == null ? Instant.EPOCH : Instant.MAX;
    }

    RateLimitState rateLimit() {
        return rateLimit;
    }

    /** An answer: the status and the JSON body (a missing node when there was none). */
    record Answer(int status, JsonNode body) {
    }

    /** Sends a request and answers 2xx responses; 404 answers too (callers decide), everything else is a classified exception. */
    Answer send(String method, String path, JsonNode body) {
        if (Instant.now(config.clock()).isAfter(expiresAt.minus(EXPIRY_MARGIN))) {
            refresh();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response = exchange(request.build(), method + " " + path);
        readRateLimit(response);
        int status = response.statusCode();
        if (status / 100 == 2 || status == 404) {
            return new Answer(status, parse(response.body()));
        }
        throw failure(response, method + " " + path);
    }

    /** Gets a new OAuth access token with the refresh token; a private app's token has nothing to refresh. */
    synchronized void refresh() {
        Optional<String> refreshToken = config.credential("refreshToken");
        if (refreshToken.isEmpty()) {
            if (accessToken == null) {
                throw new ConnectorException(ErrorKind.AUTH, "the connection has neither an accessToken nor a refreshToken");
            }
            return;
        }
        String form = "grant_type=refresh_token&client_id=" + encode(config.credential("clientId").orElse("")) + "&client_secret="
                + encode(config.credential("clientSecret").orElse("")) + "&refresh_token=" + encode(refreshToken.get());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth/v1/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = exchange(request, "POST /oauth/v1/token");
        if (response.statusCode() != 200) {
            ConnectorException failure = failure(response, "POST /oauth/v1/token");
            throw failure.kind() == ErrorKind.VALIDATION ? new ConnectorException(ErrorKind.AUTH, "HubSpot refused the refresh token ("
                    + response.statusCode() + ")", response.statusCode(), Optional.empty()) : failure;
        }
        JsonNode token = parse(response.body());
        accessToken = token.path("access_token").asText(null);
        if (accessToken == null) {
            throw new ConnectorException(ErrorKind.AUTH, "HubSpot's token answer held no access_token");
        }
        expiresAt = Instant.now(config.clock()).plusSeconds(token.path("expires_in").asLong(1800));
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.RETRYABLE, what + " failed: " + e.getClass().getSimpleName(), 0, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorKind.RETRYABLE, what + " was interrupted", 0, Optional.empty());
        }
    }

    private void readRateLimit(HttpResponse<String> response) {
        OptionalLong remaining = header(response, "X-HubSpot-RateLimit-Remaining");
        OptionalLong max = header(response, "X-HubSpot-RateLimit-Max");
        OptionalLong interval = header(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
        if (remaining.isPresent() || max.isPresent()) {
            Optional<Instant> reset = interval.isPresent() && remaining.isPresent() && remaining.getAsLong() <= 0
                    ? Optional.of(Instant.now(config.clock()).plusMillis(interval.getAsLong()))
                    : Optional.empty();
            rateLimit = new RateLimitState(remaining, max, reset);
        }
    }

    private static ConnectorException failure(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        String message = what + " answered " + status + Optional.ofNullable(body.path("category").asText(null)).map(c -> " " + c).orElse("")
                + Optional.ofNullable(body.path("message").asText(null)).map(m -> ": " + m).orElse("");
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(HubSpotHttp::seconds);
        ErrorKind kind = switch (status) {
            case 401 -> ErrorKind.AUTH;
            case 409 -> ErrorKind.CONFLICT;
            case 429 -> ErrorKind.QUOTA;
            default -> status >= 500 ? ErrorKind.RETRYABLE : ErrorKind.VALIDATION;
        };
        return new ConnectorException(kind, message, status, retryAfter);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong header(HttpResponse<String> response, String name) {
        try {
            return response.headers().firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
