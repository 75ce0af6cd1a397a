package dev.kreis.platform.touchpoint.api;

import dev.kreis.platform.api.JsonSchemas.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.kreis.platform.touchpoint.persistence.StoredTouchpoint;

/** A touchpoint as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = TouchpointView.EXAMPLE)
public record TouchpointView(@Schema(required = true) UUID id, @Schema(required = true, description = "The sending system") String source,
        @Schema(required = true, description = "Its id in the sending system") String externalId,
        @Schema(required = true, description = "The profile it arrived with") UUID profileId,
        @Schema(required = true, description = "Its touchpoint type, e.g. core.interaction") String type,
        @Schema(required = true, description = "The module that owns the type (core for the platform's own)") String module,
        @Schema(required = true, enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other" }) String channel,
        @Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" }) String phase,
        @Schema(required = true, enumeration = { "customer", "company" }, description = "Who started it") String initiator,
        @Schema(required = true, format = "date-time") OffsetDateTime occurredAt,
        @Schema(required = true, format = "date-time", description = "When Kreis stored it") OffsetDateTime receivedAt,
        @Schema(description = "The score given (a survey answer); left out when none") BigDecimal score,
        @Schema(description = "An amount of money; left out when none") BigDecimal amount,
        @Schema(description = "The amount's ISO 4217 code; left out when none") String currency, @Schema(implementation = JsonObject.class, description = "The source's own data, as sent; left out when none") @JsonRawValue String payload) {

    /** An example touchpoint, for the API document. */
    public static final String EXAMPLE = """
            {"id": "7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f", "source": "shop", "externalId": "order-10023",
             "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "type": "revenue.order", "module": "core", "channel": "web",
             "phase": "purchase", "initiator": "customer", "occurredAt": "2026-01-04T10:00:00Z", "receivedAt": "2026-01-04T10:00:02Z",
             "amount": 49.9, "currency": "EUR", "payload": {"items": 2}}""";

    public static TouchpointView of(StoredTouchpoint t) {
        return new TouchpointView(t.id(), t.source(), t.externalId(), t.profileId(), t.type(), t.module(), t.channel(), t.phase(),
                t.initiator(), t.occurredAt(), t.receivedAt(), plain(t.score()), plain(t.amount()), t.currency(), t.payload());
    }

    /** Drops storage padding (9.000 → 9) without switching to exponent form (10 stays 10, not 1E+1). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
