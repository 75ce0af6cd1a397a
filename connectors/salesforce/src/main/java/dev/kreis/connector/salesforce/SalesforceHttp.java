package dev.kreis.connector.salesforce;

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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.spi.connector.ConnectionConfig;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.RateLimitState;

/**
 * Salesforce's REST API with the JDK client.
 *
 * <p>Tokens: {@code POST {login}/services/oauth2/token} with {@code grant_type=refresh_token} or
 * {@code client_credentials}
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm,
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm); the answer's
 * {@code instance_url} is where every data call goes. Salesforce's token answer has no lifetime, so an
 * expired session shows as 401 {@code INVALID_SESSION_ID}, which is an {@link ErrorKind#AUTH} failure the
 * engine answers by refreshing once.
 *
 * <p>Errors: a JSON array of {@code {message, errorCode, fields}}; 300 (several records match an external
 * id) is a conflict (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
 * Every answer's {@code Sforce-Limit-Info: api-usage=used/max} header is the rate-limit state
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm).
 */
final class SalesforceHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEFAULT_API_VERSION = "60.0";
    private static final Pattern VERSION = Pattern.compile("\\d{2,3}\\.0");
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");
    private static final Set<String> CONFLICT_CODES = Set.of("DUPLICATE_VALUE", "DUPLICATES_DETECTED", "DUPLICATE_EXTERNAL_ID");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ConnectionConfig config;
    private final URI login;
    private final String version;
    private volatile String accessToken;
    private volatile URI instance;
    private volatile RateLimitState rateLimit = RateLimitState.UNKNOWN;

    SalesforceHttp(ConnectionConfig config) {
        this.config = config;
        String url = config.baseUrl().toString();
        this.login = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.version = config.setting("apiVersion").orElse(DEFAULT_API_VERSION);
        if (!VERSION.matcher(version).matches()) {
            throw new ConnectorException(ErrorKind.VALIDATION, "the setting apiVersion must look like " + DEFAULT_API_VERSION + ": " + version);
        }
    }

    RateLimitState rateLimit() {
        return rateLimit;
    }

    /** The REST API's root on the instance for the configured version, e.g. {@code /services/data/v60.0}. */
    String data() {
        return "/services/data/v" + version;
    }

    /** An answer: the status and the JSON body (a missing node when there was none). */
    record Answer(int status, JsonNode body) {
    }

    /**
     * Sends a request to the instance (the path starts at the host, e.g. {@code /services/data/v60.0/...}) and
     * answers 2xx responses and 404 (callers decide); everything else is a classified exception.
     */
    Answer send(String method, String path, JsonNode body) {
        return send(method, path, body, Optional.empty());
    }

    /** A query page, asking for {@code batchSize} records with the {@code Sforce-Query-Options} header. */
    Answer sendQuery(String path, int batchSize) {
        return send("GET", path, null, Optional.of(batchSize));
    }

    private Answer send(String method, String path, JsonNode body, Optional<Integer> batchSize) {
        if (accessToken == null) {
            refresh();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
        batchSize.ifPresent(size -> request.header("Sforce-Query-Options", "batchSize=" + size));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        String what = method + " " + path.replaceAll("\\?.*", "");
        HttpResponse<String> response = exchange(request.build(), what);
        readRateLimit(response);
        int status = response.statusCode();
        if (status / 100 == 2 || status == 404) {
            return new Answer(status, parse(response.body()));
        }
        throw failure(response, what);
    }

    /** Gets a new access token and instance address with the refresh token, or with the client credentials when there is none. */
    synchronized void refresh() {
        String clientId = config.credential("clientId").orElseThrow(() -> new ConnectorException(ErrorKind.AUTH, "the connection has no clientId"));
        String secret = config.credential("clientSecret").orElseThrow(() -> new ConnectorException(ErrorKind.AUTH, "the connection has no clientSecret"));
        Optional<String> refreshToken = config.credential("refreshToken");
        String form = (refreshToken.isPresent() ? "grant_type=refresh_token&refresh_token=" + encode(refreshToken.get()) : "grant_type=client_credentials")
                + "&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(login + "/services/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = exchange(request, "POST /services/oauth2/token");
        JsonNode token = parse(response.body());
        if (response.statusCode() != 200) {
            if (response.statusCode() >= 500 || response.statusCode() == 429) {
                throw failure(response, "POST /services/oauth2/token");
            }
            throw new ConnectorException(ErrorKind.AUTH, "Salesforce refused the token request (" + response.statusCode() + " "
                    + token.path("error").asText("") + ")", response.statusCode(), Optional.empty());
        }
        String access = token.path("access_token").asText(null);
        String instanceUrl = token.path("instance_url").asText(null);
        if (access == null || instanceUrl == null) {
            throw new ConnectorException(ErrorKind.AUTH, "Salesforce's token answer held no access_token or instance_url");
        }
        instance = URI.create(instanceUrl.endsWith("/") ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl);
        accessToken = access;
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
        Optional<String> info = response.headers().firstValue("Sforce-Limit-Info");
        if (info.isEmpty()) {
            return;
        }
        Matcher usage = API_USAGE.matcher(info.get());
        if (usage.find()) {
            long used = Long.parseLong(usage.group(1));
            long max = Long.parseLong(usage.group(2));
            long remaining = Math.max(0, max - used);
            // The allocation is a rolling 24 hours: when it is used up, look again in an hour.
            Optional<Instant> reset = remaining == 0 ? Optional.of(Instant.now(config.clock()).plus(Duration.ofHours(1))) : Optional.empty();
            rateLimit = new RateLimitState(OptionalLong.of(remaining), OptionalLong.of(max), reset);
        }
    }

    private static ConnectorException failure(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        JsonNode first = body.isArray() ? body.path(0) : body;
        String code = first.path("errorCode").asText("");
        String message = what + " answered " + status + (code.isEmpty() ? "" : " " + code)
                + Optional.ofNullable(first.path("message").asText(null)).map(m -> ": " + m).orElse("");
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(SalesforceHttp::seconds);
        ErrorKind kind = switch (status) {
            case 300, 409 -> ErrorKind.CONFLICT;
            case 401 -> ErrorKind.AUTH;
            case 429 -> ErrorKind.QUOTA;
            default -> status >= 500 ? ErrorKind.RETRYABLE : code.equals("REQUEST_LIMIT_EXCEEDED") ? ErrorKind.QUOTA : kind(code);
        };
        return new ConnectorException(kind, message, status, retryAfter);
    }

    /** How a record's error code (a top-level {@code errorCode} or a collection result's {@code statusCode}) is treated. */
    static ErrorKind kind(String code) {
        if (CONFLICT_CODES.contains(code)) {
            return ErrorKind.CONFLICT;
        }
        return code.equals("UNABLE_TO_LOCK_ROW") || code.equals("SERVER_UNAVAILABLE") ? ErrorKind.RETRYABLE : ErrorKind.VALIDATION;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
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
