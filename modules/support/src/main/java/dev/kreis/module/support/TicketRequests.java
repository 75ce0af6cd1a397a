package dev.kreis.module.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.spi.api.JsonRequest;
import dev.kreis.spi.touchpoint.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the support API. Text is trimmed; timestamps are kept to the microsecond (what the database
 * stores). The constraints here are what the platform validates and what the API document shows.
 */
final class TicketRequests {
    static final String CHANNELS_DOC = "web, email, phone, chat, store, social, app, sms, event, other";

    private TicketRequests() {
    }

    /** {@code POST /api/v1/support/tickets}. */
    @JsonRequest
    @Schema(name = "OpenTicketRequest", description = "A ticket to open.")
    public record Open(
            @NotNull(message = "is required") @Schema(required = true, description = "The customer the ticket is about (merged ids are followed).",
                    example = "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01") UUID customerId,
            @NotBlank(message = "is required") @Size(max = TicketResource.MAX_SUBJECT, message = "must be 1 to {max} characters")
            @Schema(required = true, description = "Short summary.", example = "Invoice shows two seats") String subject,
            @Size(max = TicketResource.MAX_DESCRIPTION, message = "must be at most {max} characters")
            @Schema(nullable = true, description = "Longer description; personal data, erased with the customer.",
                    example = "The March invoice lists two seats, we have one.") String description,
            @NotNull(message = "is required") @Schema(required = true, description = "Where the customer got in touch.",
                    enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other" },
                    example = "email") Channel channel,
            @Schema(nullable = true, description = "Default normal.", enumeration = { "low", "normal", "high", "urgent" },
                    example = "high") Priority priority,
            @Schema(nullable = true, description = "Opened by the company before the customer asked (initiator company, no contact counted). "
                    + "Default false.") Boolean proactive,
            @Schema(nullable = true, format = "date-time", description = "When the ticket was opened, to import an older ticket: not in the "
                    + "future, not before 1900. Default now.", example = "2026-01-31T09:30:00Z") Instant openedAt) {

        public Open {
            subject = strip(subject);
            description = emptyToNull(strip(description));
            openedAt = micros(openedAt);
        }
    }

    /** {@code PATCH /api/v1/support/tickets/{id}}: absent or null fields stay as they are. */
    @JsonRequest
    @Schema(name = "ChangeTicketRequest", description = "What to change; at least one of status, priority, subject or description.")
    public record Change(
            @Schema(nullable = true, description = "open (also reopens a resolved or closed ticket), pending or closed; resolve through "
                    + "POST .../resolve.", enumeration = { "open", "pending", "resolved", "closed" }, example = "pending") TicketStatus status,
            @Schema(nullable = true, description = "Recomputes the SLA targets from the opening time; only while open or pending.",
                    enumeration = { "low", "normal", "high", "urgent" }, example = "urgent") Priority priority,
            @Size(min = 1, max = TicketResource.MAX_SUBJECT, message = "must be 1 to {max} characters")
            @Schema(nullable = true, description = "A new summary.") String subject,
            @Size(max = TicketResource.MAX_DESCRIPTION, message = "must be at most {max} characters")
            @Schema(nullable = true, description = "A new description; the empty string clears it.") String description,
            @Size(max = TicketResource.MAX_NOTE, message = "must be at most {max} characters")
            @Schema(nullable = true, description = "Goes into the history with the change.", example = "Waiting for the customer's invoice copy")
            String note) {

        public Change {
            subject = strip(subject);
            description = strip(description);
            note = emptyToNull(strip(note));
        }

        boolean namesNothing() {
            return status == null && priority == null && subject == null && description == null;
        }
    }

    /** {@code POST /api/v1/support/tickets/{id}/contacts}; the body is optional. */
    @JsonRequest
    @Schema(name = "TicketContactRequest", description = "One more contact from the customer about the ticket.")
    public record Contact(
            @Schema(nullable = true, format = "date-time", description = "Default now; not before opening, not in the future.",
                    example = "2026-01-31T10:00:00Z") Instant contactedAt,
            @Schema(nullable = true, description = "The channel of this contact.",
                    enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other" }, example = "phone")
            Channel channel,
            @Size(max = TicketResource.MAX_NOTE, message = "must be at most {max} characters")
            @Schema(nullable = true, description = "Goes into the history.", example = "Called again about the invoice") String note) {

        static final Contact NONE = new Contact(null, null, null);

        public Contact {
            contactedAt = micros(contactedAt);
            note = emptyToNull(strip(note));
        }
    }

    /** {@code POST /api/v1/support/tickets/{id}/responses}; the body is optional. */
    @JsonRequest
    @Schema(name = "TicketResponseRequest", description = "An agent's response to the customer.")
    public record Reply(
            @Schema(nullable = true, format = "date-time", description = "Default now; not before opening, not in the future.",
                    example = "2026-01-31T10:15:00Z") Instant respondedAt,
            @Size(max = TicketResource.MAX_NOTE, message = "must be at most {max} characters")
            @Schema(nullable = true, description = "Goes into the history.", example = "Sent a corrected invoice") String note) {

        static final Reply NONE = new Reply(null, null);

        public Reply {
            respondedAt = micros(respondedAt);
            note = emptyToNull(strip(note));
        }
    }

    /** {@code POST /api/v1/support/tickets/{id}/resolve}. */
    @JsonRequest
    @Schema(name = "ResolveTicketRequest", description = "How the ticket was resolved.")
    public record Resolve(
            @NotBlank(message = "is required") @Size(max = TicketResource.MAX_NOTE, message = "must be 1 to {max} characters")
            @Schema(required = true, description = "What solved it.", example = "Corrected invoice sent") String resolution,
            @Schema(nullable = true, format = "date-time", description = "Default now; not before opening or the first response, not in the "
                    + "future.", example = "2026-01-31T11:00:00Z") Instant resolvedAt) {

        public Resolve {
            resolution = strip(resolution);
            resolvedAt = micros(resolvedAt);
        }
    }

    /** {@code PUT /api/v1/support/sla-policies/{priority}}. */
    @JsonRequest
    @Schema(name = "SlaPolicyRequest", description = "The targets of one priority, in minutes from opening.")
    public record Policy(
            @NotNull(message = "is required") @Min(value = 1, message = "must be a whole number from 1 to 43200")
            @Max(value = SlaPolicy.MAX_FIRST_RESPONSE_MINUTES, message = "must be a whole number from 1 to 43200")
            @Schema(required = true, description = "First response within this many minutes.", example = "60") Integer firstResponseMinutes,
            @NotNull(message = "is required") @Min(value = 1, message = "must be a whole number from 1 to 525600")
            @Max(value = SlaPolicy.MAX_RESOLUTION_MINUTES, message = "must be a whole number from 1 to 525600")
            @Schema(required = true, description = "Resolution within this many minutes; at least firstResponseMinutes.", example = "480")
            Integer resolutionMinutes) {
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static Instant micros(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }
}
