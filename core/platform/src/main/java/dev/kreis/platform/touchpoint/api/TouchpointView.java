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
public record TouchpointView(UUID id, String source, String externalId, UUID profileId, String type, String module,
        String channel, String phase, String initiator, OffsetDateTime occurredAt, OffsetDateTime receivedAt,
        BigDecimal score, BigDecimal amount, String currency, @Schema(implementation = JsonObject.class, description = "The source's own data, as sent; left out when none") @JsonRawValue String payload) {

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
