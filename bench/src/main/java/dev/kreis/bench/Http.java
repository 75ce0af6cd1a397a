package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A thin blocking JSON client over java.net.http (HTTP/1.1, keep-alive, one connection per caller thread).
 * Sends the API token from {@code KREIS_BENCH_TOKEN} (run.sh issues one) as a bearer token.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A finished exchange; {@code status} is -1 when the request itself failed (connection, timeout). */
    record Response(int status, byte[] body, long nanos) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The start of the body, for error messages. */
        String snippet() {
            String t = text().replaceAll("\\s+", " ");
            return t.length() > 300 ? t.substring(0, 300) + "…" : t;
        }
    }

    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private final String authorization = "Bearer " + System.getenv().getOrDefault("KREIS_BENCH_TOKEN", "");

    Http(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Response post(String path, byte[] json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .GET()
                .build());
    }

    private Response send(HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), System.nanoTime() - t0);
        } catch (IOException e) {
            String msg = request.method() + " " + request.uri() + ": " + e;
            return new Response(-1, msg.getBytes(StandardCharsets.UTF_8), System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted".getBytes(StandardCharsets.UTF_8), System.nanoTime() - t0);
        }
    }
}
