package dev.kreis.platform.api;

import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers a request whose declared body is over {@code kreis.api.max-body-size} with a 413 problem detail
 * before the body is read; uploads to {@code /api/v1/imports} may be as large as
 * {@code kreis.imports.max-file-size} (plus room for the spec part), CRM webhooks only
 * {@code kreis.sync.webhook-max-body-size}. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) is set to the larger of the two and cuts off chunked bodies.
 */
@Singleton
public class BodySizeLimit {
    private static final String IMPORTS = "/api/v1/imports";
    private static final long SPEC_ROOM = 1024 * 1024;
    private static final java.util.regex.Pattern WEBHOOK = java.util.regex.Pattern.compile("/api/v1/connections/[^/]+/webhook/?");

    private final long maxBytes;
    private final long maxImportBytes;
    private final long maxWebhookBytes;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "kreis.api.max-body-size", defaultValue = "20M") MemorySize max,
            @ConfigProperty(name = "kreis.imports.max-file-size", defaultValue = "1G") MemorySize maxImport,
            @ConfigProperty(name = "kreis.sync.webhook-max-body-size", defaultValue = "1M") MemorySize maxWebhook, ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.maxImportBytes = maxImport.asLongValue() + SPEC_ROOM;
        this.maxWebhookBytes = Math.min(maxWebhook.asLongValue(), maxBytes);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = context.normalizedPath();
            long limit = IMPORTS.equals(path) ? maxImportBytes : WEBHOOK.matcher(path).matches() ? maxWebhookBytes : maxBytes;
            if (length != null && parse(length) > limit) {
                Problem problem = Problem.of(413, "payload-too-large", "Payload too large",
                        "The body may have at most " + limit + " bytes", List.of());
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(write(problem));
                return;
            }
            context.next();
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
