package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.spi.api.JsonRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the marketing API. Web visits and form submissions are read strictly as records
 * ({@link JsonRequest}); a campaign body is shared by create and change, where absent and null differ (null clears a
 * field), so {@link CampaignDraft} reads it and {@link CampaignRequest} is its shape in the document.
 */
final class MarketingRequests {
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    /** An absolute http or https URL with a host; {@link WebActivity#isWebUrl} checks the rest of its syntax. */
    static final String WEB_URL = "[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+([/?#]\\S*)?";

    private MarketingRequests() {
    }

    /** {@code POST /api/v1/marketing/web-visits}. */
    @JsonRequest
    @Schema(name = "WebVisitRequest", description = "A web visit of a known customer; customerId or email, not both.")
    public record WebVisit(
            @Schema(nullable = true, description = "The customer (merged ids are followed).", example = "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01")
            UUID customerId,
            @Size(min = 3, max = 320, message = "must be 3 to {max} characters") @Pattern(regexp = EMAIL, message = "must be an e-mail address")
            @Schema(nullable = true, format = "email", description = "The e-mail address of a known customer.") String email,
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be 1 to {max} characters")
            @Pattern(regexp = WEB_URL, message = "must be an absolute http or https URL")
            @Schema(required = true, format = "uri", description = "Absolute http or https URL.", example = "https://shop.example.com/pricing")
            String url,
            @NotNull(message = "is required") @Schema(required = true, format = "date-time", description = "Not before 1900, at most a day in "
                    + "the future.", example = "2026-01-31T09:30:00Z") Instant occurredAt,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be 1 to {max} characters")
            @Schema(required = true, description = "The tracker's id of the visit; a repeated id is a duplicate.", example = "visit-8842")
            String externalId) {

        public WebVisit {
            email = strip(email);
            url = strip(url);
            externalId = strip(externalId);
        }
    }

    /** {@code POST /api/v1/marketing/form-submissions}. */
    @JsonRequest
    @Schema(name = "FormSubmissionRequest", description = "A submitted form; the contact goes through identity resolution.")
    public record FormSubmission(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be 1 to {max} characters")
            @Schema(required = true, description = "The form's name.", example = "whitepaper") String form,
            @NotNull(message = "is required") @Size(min = 3, max = 320, message = "must be 3 to {max} characters")
            @Pattern(regexp = EMAIL, message = "must be an e-mail address")
            @Schema(required = true, format = "email", example = "anna@example.com") String email,
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters") @Schema(nullable = true, example = "Anna") String firstName,
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters") @Schema(nullable = true, example = "Berg") String lastName,
            @Size(min = 3, max = 50, message = "must be 3 to {max} characters") @Schema(nullable = true, example = "+49 30 1234567") String phone,
            @Size(max = WebActivity.MAX_FORM_FIELDS, message = "must have at most {max} entries")
            @Schema(nullable = true, type = SchemaType.OBJECT, maxProperties = WebActivity.MAX_FORM_FIELDS, description = "At most 50 fields: name (a letter, then up to 63 letters, digits, "
                    + "_ . -) = a string, number or boolean of at most 1000 characters.", example = "{\"topic\": \"retention\", \"employees\": 250}")
            Map<String, Object> fields,
            @Schema(nullable = true, format = "date-time", description = "Default now; not before 1900, at most a day in the future.")
            Instant occurredAt,
            @Size(min = 1, max = 200, message = "must be 1 to {max} characters")
            @Schema(nullable = true, description = "The form tool's id; a repeated id is a duplicate.", example = "form-5531") String externalId) {

        public FormSubmission {
            form = strip(form);
            email = strip(email);
            firstName = strip(firstName);
            lastName = strip(lastName);
            phone = strip(phone);
            externalId = strip(externalId);
        }
    }

    /** The shape of a campaign body in the document (the body is shared with change, see the class comment). */
    @Schema(name = "CreateCampaignRequest", description = "A new campaign.")
    public record CampaignRequest(
            @Schema(required = true, minLength = 1, maxLength = 200, example = "Spring sale") String name,
            @Schema(required = true, enumeration = { "email", "web", "social", "sms", "event", "other" }, example = "email") String channel,
            @Schema(nullable = true, pattern = "^[a-z][a-z0-9_.-]{0,63}$", description = "The consent purpose; default marketing.",
                    example = "marketing") String purpose,
            @Schema(nullable = true, format = "date", example = "2026-03-01") LocalDate startsOn,
            @Schema(nullable = true, format = "date", description = "Not before startsOn.", example = "2026-03-31") LocalDate endsOn,
            @Schema(nullable = true, minimum = "0", description = "At least 0, below 10^15, at most 4 decimal places.", example = "1200")
            BigDecimal budget,
            @Schema(required = true) AudienceRequest audience) {
    }

    @Schema(name = "CampaignAudienceRequest", description = "{\"type\": \"list\", \"customerIds\": [...]} (at most 10,000 ids) or "
            + "{\"type\": \"segment\", \"filter\": {\"country\": \"DE\"}} (1 to 10 attributes).")
    public record AudienceRequest(
            @Schema(required = true, enumeration = { "list", "segment" }, example = "segment") String type,
            @Schema(description = "Only for a list.", maxItems = 10_000) List<UUID> customerIds,
            @Schema(description = "Only for a segment: golden attribute = value.", type = SchemaType.OBJECT, additionalProperties = String.class,
                    example = "{\"country\": \"DE\"}") Map<String, String> filter) {
    }

    /** The shape of one e-mail event in the document; {@link EmailEvents} reads single events and batches alike. */
    @Schema(name = "EmailEventRequest", description = "One e-mail event from the sending provider.")
    public record EmailEventRequest(
            @Schema(required = true, description = "An email campaign.", example = "8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918") UUID campaignId,
            @Schema(required = true, description = "A sent event needs an included member of the campaign.",
                    example = "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01") UUID customerId,
            @Schema(required = true, enumeration = { "sent", "delivered", "opened", "clicked", "bounced", "unsubscribed" }, example = "opened")
            String event,
            @Schema(required = true, format = "date-time", description = "Not before 1900, at most a day in the future.",
                    example = "2026-01-31T09:30:00Z") Instant occurredAt,
            @Schema(required = true, minLength = 1, maxLength = 200, description = "The provider's id; a repeated id is a duplicate.",
                    example = "msg-77120-open") String externalId) {
    }

    @Schema(name = "EmailEventBatchRequest", description = "Up to 1,000 e-mail events, validated whole before anything is written.")
    public record EmailEventBatchRequest(
            @Schema(required = true, minItems = 1, maxItems = EmailEvents.MAX_BATCH) List<EmailEventRequest> events) {
    }

    /** The body of {@code POST /api/v1/marketing/email-events}: one event or a batch. */
    @Schema(name = "EmailEventsRequest", description = "One e-mail event, or {\"events\": [...]} with up to 1,000.",
            oneOf = { EmailEventRequest.class, EmailEventBatchRequest.class })
    public static final class EmailEventsRequest {
        private EmailEventsRequest() {
        }
    }

    /** The shape of {@code PATCH /api/v1/marketing/campaigns/{id}} in the document; {@link CampaignDraft} reads it. */
    @Schema(name = "ChangeCampaignRequest", description = "Only the fields present change; null clears startsOn, endsOn or budget and "
            + "resets purpose to marketing. A new audience takes effect with the next members refresh.")
    public record ChangeCampaignRequest(
            @Schema(minLength = 1, maxLength = 200, example = "Spring sale (extended)") String name,
            @Schema(enumeration = { "email", "web", "social", "sms", "event", "other" }) String channel,
            @Schema(nullable = true, pattern = "^[a-z][a-z0-9_.-]{0,63}$") String purpose,
            @Schema(nullable = true, format = "date") LocalDate startsOn,
            @Schema(nullable = true, format = "date", example = "2026-04-15") LocalDate endsOn,
            @Schema(nullable = true, minimum = "0") BigDecimal budget,
            AudienceRequest audience) {
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
