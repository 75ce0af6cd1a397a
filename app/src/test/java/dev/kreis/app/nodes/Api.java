package dev.kreis.app.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API of one address (a node, or the load balancer in front of both) as the bootstrap admin, over HTTP
 * Basic. Answers carry the status, the body and the node that answered (HAProxy's {@code X-Kreis-Node} header).
 * HTTP/1.1 only: the JDK client's default asks a plain-HTTP server to upgrade to HTTP/2 (h2c), which Kreis accepts, and
 * HAProxy then tunnels that connection to one node instead of balancing each request.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    Api(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** An answer: status, body and the node HAProxy sent the request to ({@code null} when a node was asked directly). */
    record Answer(int status, String body, String node, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        /** Every {@code Set-Cookie} of the answer as {@code name=value}, for a {@code Cookie} header. */
        String cookies() {
            return String.join("; ", raw.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    /** A POST without a body, as the module actions take. */
    Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request without the admin's credentials but with these headers, e.g. a browser session's cookies. */
    Answer getWithout(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** The web UI's sign-in: the form post to {@code /j_security_check}. */
    Answer signIn(String user, String password) {
        String form = "j_username=" + user + "&j_password=" + password;
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/j_security_check")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Kreis-CSRF", "1")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** {@code multipart/form-data} with a JSON part {@code spec} and a CSV part {@code file}, as {@code POST /api/v1/imports} takes. */
    Answer upload(String path, Object spec, String csv, String fileName) {
        String boundary = "----nodes-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"spec\"\r\nContent-Type: application/json\r\n\r\n" + text(spec)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Like {@link #post} but lets a refused connection or a broken answer through as an exception, for clients that retry. */
    Answer tryPost(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-Kreis-Node").orElse(null), response);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-Kreis-Node").orElse(null), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A touchpoint body naming its customer by e-mail. */
    static Map<String, Object> touchpoint(String source, String externalId, String type, String occurredAt, String email) {
        return Map.of("source", source, "externalId", externalId, "type", type, "occurredAt", occurredAt,
                "customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", email))));
    }

    /** A person's profile with one e-mail. */
    static Map<String, Object> profile(String source, String externalId, String email) {
        return Map.of("source", source, "externalId", externalId, "kind", "person",
                "identifiers", List.of(Map.of("type", "email", "value", email)));
    }
}
