package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.spi.api.JsonRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.valueextraction.Unwrapping.Unwrap;

/**
 * The request bodies of {@code /api/v1/marketing/campaigns}, read strictly as records ({@link JsonRequest}). Text is
 * trimmed; the constraints here are what the platform validates and what the API document shows; {@link CampaignDraft}
 * checks the rules across fields (the period, the audience's shape). In the PATCH body an {@link Optional} field is
 * {@code null} when absent (keep the value) and empty when sent as null (clear it).
 */
final class CampaignRequests {
    static final String CHANNEL = "email|web|social|sms|event|other";
    static final List<String> CHANNELS = List.of(CHANNEL.split("\\|"));
    static final String CHANNEL_MESSAGE = "must be one of email, web, social, sms, event, other";
    static final String PURPOSE = "[a-z][a-z0-9_.-]{0,63}";
    static final String PURPOSE_MESSAGE = "must be a lower-case key such as marketing ([a-z][a-z0-9_.-]{0,63})";
    static final String BUDGET = "At least 0, below 10^15, at most 4 decimal places, in the installation's currency.";

    private CampaignRequests() {
    }

    /** {@code POST /api/v1/marketing/campaigns}. */
    @JsonRequest
    @Schema(name = "CreateCampaignRequest", description = "A new campaign.")
    public record Create(
            @NotNull(message = "is required") @Size(min = 1, max = 200, message = "must be 1 to {max} characters")
            @Schema(required = true, description = "The campaign's name.", example = "Spring sale") String name,
            @NotNull(message = "is required") @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE)
            @Schema(required = true, description = "Where the campaign reaches its audience.", enumeration = { "email", "web", "social", "sms",
                    "event", "other" }, example = "email") String channel,
            @Pattern(regexp = PURPOSE, message = PURPOSE_MESSAGE)
            @Schema(nullable = true, description = "The consent purpose members need; default marketing.", example = "marketing") String purpose,
            @Schema(nullable = true, format = "date", description = "First day, 1900 to 2999.", example = "2026-03-01") LocalDate startsOn,
            @Schema(nullable = true, format = "date", description = "Last day, not before startsOn, 1900 to 2999.", example = "2026-03-31")
            LocalDate endsOn,
            @DecimalMin(value = "0", message = "must be at least 0")
            @DecimalMax(value = "1000000000000000", inclusive = false, message = "must be less than 10^15")
            @Digits(integer = 15, fraction = 4, message = "must have at most 4 decimal places")
            @Schema(nullable = true, description = BUDGET, example = "1200") BigDecimal budget,
            @NotNull(message = "is required") @Valid @Schema(required = true) Audience audience) {

        public Create {
            name = strip(name);
            channel = strip(channel);
            purpose = strip(purpose);
        }
    }

    /** {@code PATCH /api/v1/marketing/campaigns/{id}}. */
    @JsonRequest
    @Schema(name = "ChangeCampaignRequest", description = "Only the fields present change; null clears startsOn, endsOn or budget and "
            + "resets purpose to marketing. A new audience takes effect with the next members refresh.")
    public record Change(
            @NotNull(message = "must not be null", payload = Unwrap.class)
            @Size(min = 1, max = 200, message = "must be 1 to {max} characters", payload = Unwrap.class)
            @Schema(required = false, nullable = false, description = "The campaign's name; not null.", example = "Spring sale (extended)") Optional<String> name,
            @NotNull(message = "must not be null", payload = Unwrap.class) @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE, payload = Unwrap.class)
            @Schema(required = false, nullable = false, description = "Where the campaign reaches its audience; not null.", enumeration = { "email", "web", "social", "sms", "event",
                    "other" }, example = "web") Optional<String> channel,
            @Pattern(regexp = PURPOSE, message = PURPOSE_MESSAGE, payload = Unwrap.class)
            @Schema(nullable = true, description = "The consent purpose; null resets it to marketing.", example = "newsletter")
            Optional<String> purpose,
            @Schema(nullable = true, format = "date", description = "First day, 1900 to 2999; null clears it.", example = "2026-03-01")
            Optional<LocalDate> startsOn,
            @Schema(nullable = true, format = "date", description = "Last day, not before startsOn, 1900 to 2999; null clears it.",
                    example = "2026-04-15") Optional<LocalDate> endsOn,
            @DecimalMin(value = "0", message = "must be at least 0", payload = Unwrap.class)
            @DecimalMax(value = "1000000000000000", inclusive = false, message = "must be less than 10^15", payload = Unwrap.class)
            @Digits(integer = 15, fraction = 4, message = "must have at most 4 decimal places", payload = Unwrap.class)
            @Schema(nullable = true, description = BUDGET + " null clears it.", example = "1500") Optional<BigDecimal> budget,
            @NotNull(message = "must not be null", payload = Unwrap.class)
            @Schema(required = false, nullable = false, description = "The new audience; not null.") Optional<@Valid Audience> audience) {

        public Change {
            name = strip(name);
            channel = strip(channel);
            purpose = strip(purpose);
        }
    }

    /** Who a campaign is for; {@link dev.kreis.module.marketing.Audience#from} checks which fields go with which type. */
    @Schema(name = "CampaignAudienceRequest", description = "{\"type\": \"list\", \"customerIds\": [...]} (at most 10,000 ids) or "
            + "{\"type\": \"segment\", \"filter\": {\"country\": \"DE\"}} (1 to 10 attributes).")
    public record Audience(
            @NotNull(message = "is required") @Pattern(regexp = "list|segment", message = "must be one of list, segment")
            @Schema(required = true, enumeration = { "list", "segment" }, description = "A static list of customers or a segment.",
                    example = "segment") String type,
            @Size(max = dev.kreis.module.marketing.Audience.MAX_LIST, message = "must hold at most {max} ids")
            @Schema(nullable = true, description = "Only for a list: the customers (merged ids are followed when members are refreshed).")
            List<UUID> customerIds,
            @Size(min = 1, max = dev.kreis.module.marketing.Audience.MAX_FILTER_KEYS, message = "must have 1 to {max} entries")
            @Schema(nullable = true, description = "Only for a segment: golden attribute = value (1 to 200 characters), every entry must "
                    + "match.", type = SchemaType.OBJECT, additionalProperties = String.class, example = "{\"country\": \"DE\"}")
            Map<String, String> filter) {
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static Optional<String> strip(Optional<String> text) {
        return text == null ? null : text.map(String::strip);
    }
}
