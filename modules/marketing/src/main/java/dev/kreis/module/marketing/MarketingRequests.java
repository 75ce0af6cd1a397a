package dev.kreis.module.marketing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.kreis.spi.api.FieldProblems;
import dev.kreis.spi.api.JsonRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the marketing API's activity (web visits, form submissions, e-mail events), read strictly as
 * records ({@link JsonRequest}); the campaigns' are {@link CampaignRequests}. Text is trimmed; the constraints here are
 * what the platform validates and what the API document shows; rules against the clock or stored data are checked
 * where the request is recorded.
 */
final class MarketingRequests {
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    /** An absolute http or https URL with a host; {@link WebActivity#isWebUrl} checks the rest of its syntax. */
    static final String WEB_URL = "[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+([/?#]\\S*)?";
    static final String EMAIL_EVENT = "sent|delivered|opened|clicked|bounced|unsubscribed";
    static final String EMAIL_EVENT_MESSAGE = "must be one of sent, delivered, opened, clicked, bounced, unsubscribed";
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

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

    /** One e-mail event from the sending provider, alone or in a batch. */
    @JsonRequest
    @Schema(name = "EmailEventRequest", description = "One e-mail event from the sending provider.")
    public record EmailEvent(
            @NotNull(message = "is required") @Schema(required = true, description = "An email campaign.",
                    example = "8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918") UUID campaignId,
            @NotNull(message = "is required") @Schema(required = true, description = "A sent event needs an included member of the campaign.",
                    example = "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01") UUID customerId,
            @NotNull(message = "is required") @Pattern(regexp = EMAIL_EVENT, message = EMAIL_EVENT_MESSAGE)
            @Schema(required = true, description = "What happened to the e-mail.", enumeration = { "sent", "delivered", "opened", "clicked",
                    "bounced", "unsubscribed" }, example = "opened") String event,
            @NotNull(message = "is required") @Schema(required = true, format = "date-time", description = "Not before 1900, at most a day "
                    + "in the future.", example = "2026-01-31T09:30:00Z") Instant occurredAt,
            @NotNull(message = "is required") @Size(min = 1, max = 200, message = "must be 1 to {max} characters")
            @Schema(required = true, description = "The provider's id; a repeated id is a duplicate.", example = "msg-77120-open")
            String externalId) implements EmailEventsRequest {

        public EmailEvent {
            event = strip(event);
            externalId = strip(externalId);
        }
    }

    /**
     * Up to {@link dev.kreis.module.marketing.EmailEvents#MAX_BATCH} e-mail events at once. The platform checks the
     * list's size; {@link dev.kreis.module.marketing.EmailEvents} checks each event's constraints only then, so an
     * oversized batch is answered with one problem rather than one per event.
     */
    @JsonRequest
    @Schema(name = "EmailEventBatchRequest", description = "Up to 1,000 e-mail events, validated whole before anything is written.")
    public record EmailEventBatch(
            @NotNull(message = "is required") @Size(min = 1, max = dev.kreis.module.marketing.EmailEvents.MAX_BATCH,
                    message = "must be an array of 1 to {max} events")
            @Schema(required = true, description = "The events, each as in a single request.") List<EmailEvent> events)
            implements EmailEventsRequest {
    }

    /**
     * The body of {@code POST /api/v1/marketing/email-events}: a batch when it has {@code events}, else one event
     * (Jackson tells them apart by their fields).
     */
    @JsonRequest
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION, defaultImpl = EmailEvent.class)
    @JsonSubTypes({ @JsonSubTypes.Type(EmailEvent.class), @JsonSubTypes.Type(EmailEventBatch.class) })
    @Schema(name = "EmailEventsRequest", description = "One e-mail event, or {\"events\": [...]} with up to 1,000.",
            oneOf = { EmailEvent.class, EmailEventBatch.class })
    public sealed interface EmailEventsRequest permits EmailEvent, EmailEventBatch {
    }

    /** Checks a time a request reports something happened at: not before 1900, at most a day ahead of {@code now}. */
    static void occurred(Instant value, String field, Instant now, FieldProblems problems) {
        if (value.isBefore(EARLIEST)) {
            problems.add(field, "must not lie before 1900");
        } else if (value.isAfter(now.plusSeconds(86_400))) {
            problems.add(field, "must not lie more than a day in the future");
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
