package dev.kreis.platform.touchpoint.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.api.JsonSchemas.JsonObject;

/**
 * The body of {@code POST /api/v1/touchpoints} (and each item of a batch) as the OpenAPI document describes it.
 * Ingestion reads the raw JSON itself ({@code TouchpointDrafts}), which enforces exactly these rules; this record
 * is the document's declaration of them.
 */
@Schema(name = "TouchpointRequest", description = "One interaction. The customer is named by customerId or by customer.identifiers.",
        examples = "{\"source\": \"shop\", \"externalId\": \"order-10023\", \"type\": \"core.interaction\", "
                + "\"occurredAt\": \"2025-03-01T10:00:00Z\", \"customer\": {\"identifiers\": [{\"type\": \"email\", \"value\": \"anna@example.com\"}]}, "
                + "\"channel\": \"web\", \"phase\": \"interest\", \"payload\": {\"page\": \"/pricing\"}}")
public record TouchpointRequest(
        @Schema(required = true, minLength = 1, maxLength = 100, description = "The sending system: letters, digits, '.', '_' or '-' (stored lower-cased)", examples = "shop") String source,
        @Schema(required = true, minLength = 1, maxLength = 255, description = "The sender's id; (source, externalId) makes ingestion idempotent",
                examples = "order-10023") String externalId,
        @Schema(required = true, description = "A registered touchpoint type (GET /api/v1/touchpoint-types)", examples = "core.interaction") String type,
        @Schema(required = true, description = "When it happened; not in the future") OffsetDateTime occurredAt,
        @Schema(description = "The customer, when its id is known") UUID customerId,
        @Schema(description = "The customer by identifiers, resolved like a profile") CustomerReference customer,
        @Schema(enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other" },
                description = "Defaults to the type's channel") String channel,
        @Schema(enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" },
                description = "Defaults to the type's phase") String phase,
        @Schema(enumeration = { "customer", "company" }, description = "Defaults to the type's initiator") String initiator,
        @Schema(description = "Required by scored types and refused by others; within the type's scale (NPS 0-10, CSAT 1-5, CES 1-7, "
                + "sentiment -1..1)") BigDecimal score,
        @Schema(description = "A money amount, below 10^15 with at most 4 decimal places; needs currency") BigDecimal amount,
        @Schema(pattern = "^[A-Z]{3}$", description = "An ISO 4217 code, with amount", examples = "EUR") String currency,
        @Schema(implementation = JsonObject.class, description = "The source's own data; at most kreis.touchpoints.max-payload-chars "
                + "characters of JSON") Object payload) {

    /** The customer by identifiers. */
    @Schema(name = "CustomerReference")
    public record CustomerReference(
            @Schema(required = true, minItems = 1, description = "At least one identifier") List<Identifier> identifiers) {
    }

    /** One identifier: e-mail, phone, an external id of a system, or a custom key. */
    @Schema(name = "TouchpointIdentifier")
    public record Identifier(@Schema(required = true, enumeration = { "email", "phone", "external", "custom" }) String type,
            @Schema(required = true, examples = "anna@example.com") String value,
            @Schema(description = "The system of an external id") String system) {
    }

    /** The body of {@code POST /api/v1/touchpoints/batch}. */
    @Schema(name = "TouchpointBatch", description = "A batch of touchpoints; at most kreis.touchpoints.max-batch-items",
            examples = "{\"items\": [{\"source\": \"shop\", \"externalId\": \"order-10023\", \"type\": \"revenue.order\", "
                    + "\"occurredAt\": \"2025-03-01T10:00:00Z\", \"customer\": {\"identifiers\": [{\"type\": \"email\", \"value\": \"anna@example.com\"}]}, "
                    + "\"amount\": 49.9, \"currency\": \"EUR\"}, {\"source\": \"shop\", \"externalId\": \"visit-881\", \"type\": \"core.interaction\", "
                    + "\"occurredAt\": \"2025-03-01T09:55:00Z\", \"customerId\": \"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f\", \"channel\": \"web\"}]}")
    public record Batch(@Schema(required = true, minItems = 1, description = "The touchpoints") List<TouchpointRequest> items) {
    }
}
