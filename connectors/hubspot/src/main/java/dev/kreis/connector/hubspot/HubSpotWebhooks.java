package dev.kreis.connector.hubspot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.WebhookEvent;
import dev.kreis.spi.connector.WebhookRequest;

/**
 * HubSpot webhook requests, signature v3
 * (https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests#validate-the-v3-request-signature):
 * {@code X-HubSpot-Signature-v3} is base64(HMAC-SHA256(clientSecret, method + URI + body + timestamp)) with
 * the timestamp of {@code X-HubSpot-Request-Timestamp} (milliseconds); requests older than 5 minutes are
 * refused. Events (https://developers.hubspot.com/docs/api/webhooks#webhook-payloads) are a JSON array of
 * {@code {eventId, subscriptionType, objectId, occurredAt, ...}}.
 */
final class HubSpotWebhooks {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private HubSpotWebhooks() {
    }

    static List<WebhookEvent> verify(WebhookRequest request, Optional<String> clientSecret, Instant now) {
        String secret = clientSecret.orElseThrow(() -> new ConnectorException(ErrorKind.AUTH,
                "the connection has no clientSecret to verify HubSpot's signature with"));
        String signature = request.header("X-HubSpot-Signature-v3").orElseThrow(() -> new ConnectorException(ErrorKind.AUTH,
                "the request carries no X-HubSpot-Signature-v3"));
        String timestamp = request.header("X-HubSpot-Request-Timestamp").orElseThrow(() -> new ConnectorException(ErrorKind.AUTH,
                "the request carries no X-HubSpot-Request-Timestamp"));
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new ConnectorException(ErrorKind.AUTH, "X-HubSpot-Request-Timestamp is not a number");
        }
        if (Duration.between(Instant.ofEpochMilli(millis), now).abs().compareTo(TOLERANCE) > 0) {
            throw new ConnectorException(ErrorKind.AUTH, "the request is older than 5 minutes");
        }
        String body = new String(request.body(), StandardCharsets.UTF_8);
        byte[] expected = sign(secret, request.method() + request.uri() + body + timestamp.trim());
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorKind.AUTH, "the signature is not base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ConnectorException(ErrorKind.AUTH, "the signature does not match");
        }
        return events(body);
    }

    static byte[] sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static List<WebhookEvent> events(String body) {
        JsonNode events;
        try {
            events = HubSpotHttp.JSON.readTree(body);
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.VALIDATION, "the webhook body is not JSON");
        }
        if (events == null || !events.isArray()) {
            throw new ConnectorException(ErrorKind.VALIDATION, "the webhook body is not a JSON array of events");
        }
        List<WebhookEvent> result = new ArrayList<>();
        for (JsonNode event : events) {
            String type = event.path("subscriptionType").asText("");
            String object = type.startsWith("contact.") ? HubSpotConnector.CONTACTS : type.startsWith("company.") ? HubSpotConnector.COMPANIES
                    : type.startsWith("deal.") ? HubSpotConnector.DEALS : type.startsWith("ticket.") ? HubSpotConnector.TICKETS : null;
            if (object == null || !event.hasNonNull("objectId") || !event.hasNonNull("eventId")) {
                continue;
            }
            WebhookEvent.Kind kind = type.endsWith(".deletion") || type.endsWith(".privacyDeletion") ? WebhookEvent.Kind.DELETED
                    : type.endsWith(".merge") ? WebhookEvent.Kind.MERGED : WebhookEvent.Kind.CHANGED;
            // a merge event names the winner as primaryObjectId (and the losers as mergedObjectIds): reading the winner
            // gives hs_merged_object_ids, from which the engine merges (https://developers.hubspot.com/docs/api/webhooks#webhook-payloads)
            String recordId = kind == WebhookEvent.Kind.MERGED && event.hasNonNull("primaryObjectId") ? event.path("primaryObjectId").asText()
                    : event.path("objectId").asText();
            result.add(new WebhookEvent(event.path("eventId").asText(), object, recordId, kind,
                    Instant.ofEpochMilli(event.path("occurredAt").asLong(0))));
        }
        return result;
    }
}
