package dev.kreis.app.bulk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.bulk.ImportConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Body limits: every endpoint holds a body to 20 MB even when it is sent chunked (no Content-Length), while an
 * import upload is streamed to disk and held to kreis.imports.max-file-size (30 MB in the tests) instead.
 */
@QuarkusTest
class ImportUploadLimitsApiTest {
    private static final String BOUNDARY = "kreis-test-boundary-7f3a";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:kreis-test-bootstrap-password"
            .getBytes(StandardCharsets.UTF_8));
    private static final String SPEC = "{\"kind\":\"profiles\",\"source\":\"limits\",\"dryRun\":true,\"columns\":{\"Nr\":{\"field\":\"externalId\"},"
            + "\"Mail\":{\"identifier\":\"email\"}}}";

    @TestHTTPResource("/")
    URL base;

    @Inject
    ImportConfig config;

    @Test
    void aChunkedBodyPastTwentyMegabytesToAJsonEndpointIsAnswered413() throws Exception {
        byte[] body = ("{\"items\":[\"" + "x".repeat(21 * 1024 * 1024) + "\"]}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = sendChunked("/api/v1/touchpoints/batch", "application/json", body);

        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void anImportUploadLargerThanTheGeneralLimitIsAcceptedEvenWhenSentChunked() throws Exception {
        byte[] csv = csv(25 * 1024 * 1024);

        HttpResponse<String> response = sendChunked("/api/v1/imports", "multipart/form-data; boundary=" + BOUNDARY, multipart(SPEC, csv));

        assertEquals(202, response.statusCode(), response.body());
        String id = JsonPath.from(response.body()).getString("id");
        JsonPath view = Imports.view(UUID.fromString(id));
        assertEquals(csv.length, view.getLong("fileBytes"));
        assertEquals("queued", view.getString("status"));
        given().delete("/api/v1/imports/" + id).then().statusCode(200);
    }

    @Test
    void anImportUploadPastTheFileLimitIsAnswered413AndLeavesNoFileBehind() throws Exception {
        Set<Path> before = files();

        HttpResponse<String> response = sendChunked("/api/v1/imports", "multipart/form-data; boundary=" + BOUNDARY,
                multipart(SPEC, csv(32 * 1024 * 1024)));

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), response.body());
        assertEquals(413, JsonPath.from(response.body()).getInt("status"));
        Set<Path> after = files();
        for (int i = 0; i < 50 && !after.equals(before); i++) {
            Thread.sleep(100);
            after = files();
        }
        assertEquals(before, after, "files left in " + config.directory());
    }

    @Test
    void anAnonymousImportUploadIsRefusedWithoutBeingStored() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/v1/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(SPEC, csv(1024)))).build();

        assertEquals(401, HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** Sends the body without a Content-Length (chunked), as an InputStream of unknown length is sent. */
    private HttpResponse<String> sendChunked(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType).header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A CSV of about {@code bytes} bytes: a header and rows of distinct people. */
    private static byte[] csv(int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 100);
        out.writeBytes("Nr,Mail\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; out.size() < bytes; i++) {
            out.writeBytes(("K-" + i + ",person" + i + "@example.com\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static byte[] multipart(String spec, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1000);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"spec\"\r\n\r\n" + spec + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Every file under the import directory (the kept files and the uploads being received). */
    private Set<Path> files() throws IOException {
        Path directory = Path.of(config.directory());
        if (!Files.exists(directory)) {
            return Set.of();
        }
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> walk = Files.walk(directory)) {
                return walk.filter(Files::isRegularFile).collect(Collectors.toSet());
            } catch (java.io.UncheckedIOException e) {
                // A file (such as the refused upload's own) was deleted while the walk passed it: look again.
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt >= 20) {
                    throw e;
                }
            }
        }
    }
}
