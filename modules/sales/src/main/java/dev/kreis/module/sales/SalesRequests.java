package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.JsonRequest;
import dev.kreis.spi.api.ProblemException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the sales API that are read strictly as records ({@link JsonRequest}). Text is trimmed; the
 * constraints here are what the platform validates and what the API document shows. Rules across fields or against
 * the clock are checked by {@link Rules}.
 */
final class SalesRequests {
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String PHONE = "\\+?[0-9][0-9 ()./-]{3,38}";
    static final String LEAD_STATUS = "new|qualified|converted|disqualified";
    static final String STAGE = "prospecting|qualification|proposal|negotiation|won|lost";

    private SalesRequests() {
    }

    /** {@code POST /api/v1/sales/leads}. */
    @JsonRequest
    @Schema(name = "CreateLeadRequest", description = "A lead; email or phone is required.")
    public record CreateLead(
            @Size(max = 254, message = "must be at most {max} characters")
            @Pattern(regexp = EMAIL, message = "must be an e-mail address such as anna@example.com")
            @Schema(nullable = true, format = "email", description = "The lead's e-mail address (stored in lower case).", example = "lena@example.com")
            String email,
            @Pattern(regexp = PHONE, message = "must be a phone number such as +49 30 1234567")
            @Schema(nullable = true, description = "The lead's phone number.", example = "+49 30 1234567") String phone,
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "Given name.",
                    example = "Lena") String firstName,
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "Family name.",
                    example = "Lead") String lastName,
            @Size(min = 1, max = 200, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "The lead's company.",
                    example = "Acme GmbH") String company,
            @Size(min = 1, max = 50, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "Where the lead came "
                    + "from.", example = "web") String source,
            @Pattern(regexp = LEAD_STATUS, message = "must be one of [new, qualified, converted, disqualified]")
            @Schema(nullable = true, description = "Default new.", enumeration = { "new", "qualified", "converted", "disqualified" },
                    example = "new") String status) {

        public CreateLead {
            email = strip(email);
            email = email == null ? null : email.toLowerCase(Locale.ROOT);
            phone = strip(phone);
            firstName = strip(firstName);
            lastName = strip(lastName);
            company = strip(company);
            source = strip(source);
        }
    }

    /** {@code POST /api/v1/sales/deals}. */
    @JsonRequest
    @Schema(name = "CreateDealRequest", description = "A deal with a customer or a lead; customerId or leadId is required.")
    public record CreateDeal(
            @Schema(nullable = true, description = "The customer (merged ids are followed).", example = "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01")
            UUID customerId,
            @Schema(nullable = true, description = "The lead the deal comes from; it becomes converted.",
                    example = "7c0f5a6e-1b2d-4e3f-8a9b-0c1d2e3f4a5b") UUID leadId,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be 1 to {max} characters")
            @Schema(required = true, description = "What the deal is about.", example = "Acme renewal 2026") String name,
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "1000000000000", message = "must be at most 1000000000000")
            @Digits(integer = 13, fraction = 4, message = "must have at most 4 decimal places")
            @Schema(required = true, description = "The deal's value in the installation's currency.", example = "12000") BigDecimal amount,
            @Pattern(regexp = STAGE, message = "must be one of [prospecting, qualification, proposal, negotiation, won, lost]")
            @Schema(nullable = true, description = "Default prospecting; won and lost record a closed deal.",
                    enumeration = { "prospecting", "qualification", "proposal", "negotiation", "won", "lost" }, example = "proposal")
            String stage,
            @Schema(nullable = true, format = "date", description = "When the deal is expected to close, 1800-01-01 to 2200-01-01.",
                    example = "2026-03-31") LocalDate expectedCloseOn,
            @Schema(nullable = true, format = "date-time", description = "Default now; not before 1800, not in the future.",
                    example = "2026-01-31T09:30:00Z") Instant openedAt,
            @Schema(nullable = true, format = "date-time", description = "Only for a won or lost deal; default now, not before openedAt.")
            Instant closedAt,
            @Size(min = 1, max = 500, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "Only when won.")
            String wonReason,
            @Size(min = 1, max = 500, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "Required when lost.")
            String lostReason) {

        public CreateDeal {
            name = strip(name);
            wonReason = strip(wonReason);
            lostReason = strip(lostReason);
        }
    }

    /** {@code POST /api/v1/sales/subscriptions}. */
    @JsonRequest
    @Schema(name = "CreateSubscriptionRequest", description = "A subscription that starts.")
    public record CreateSubscription(
            @NotNull(message = "is required") @Schema(required = true, description = "The customer (merged ids are followed).",
                    example = "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01") UUID customerId,
            @NotNull(message = "is required") @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @DecimalMax(value = "1000000000000", message = "must be at most 1000000000000")
            @Digits(integer = 13, fraction = 4, message = "must have at most 4 decimal places")
            @Schema(required = true, description = "Monthly recurring revenue of this subscription.", example = "99") BigDecimal mrr,
            @NotNull(message = "is required") @Schema(required = true, format = "date-time", description = "When it started: not before 1800, "
                    + "not in the future.", example = "2026-01-01T00:00:00Z") Instant startedAt,
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "The plan's name.",
                    example = "Team") String plan) {

        public CreateSubscription {
            plan = strip(plan);
        }
    }

    /** {@code POST /api/v1/sales/subscriptions/{id}/changes}. */
    @JsonRequest
    @Schema(name = "ChangeSubscriptionRequest", description = "An up- or downgrade.")
    public record ChangeSubscription(
            @NotNull(message = "is required") @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @DecimalMax(value = "1000000000000", message = "must be at most 1000000000000")
            @Digits(integer = 13, fraction = 4, message = "must have at most 4 decimal places")
            @Schema(required = true, description = "The subscription's MRR after the change.", example = "149") BigDecimal mrr,
            @NotNull(message = "is required") @Schema(required = true, format = "date-time", description = "When: not before the "
                    + "subscription's last event, not in the future.", example = "2026-02-01T00:00:00Z") Instant at) {
    }

    /** {@code POST /api/v1/sales/subscriptions/{id}/cancel}. */
    @JsonRequest
    @Schema(name = "CancelSubscriptionRequest", description = "A cancellation.")
    public record CancelSubscription(
            @NotNull(message = "is required") @Schema(required = true, format = "date-time", description = "When: not before the "
                    + "subscription's last event, not in the future.", example = "2026-03-01T00:00:00Z") Instant at,
            @Size(min = 1, max = 500, message = "must be 1 to {max} characters") @Schema(nullable = true, description = "Why.",
                    example = "Too expensive") String reason) {

        public CancelSubscription {
            reason = strip(reason);
        }
    }

    /**
     * {@code PATCH /api/v1/sales/leads/{id}}: the document's shape of the change. Absent and null differ here (null clears
     * a field), which a record cannot tell apart, so {@link LeadResource} reads this body with {@link Input}.
     */
    @Schema(name = "ChangeLeadRequest", description = "Only the fields present change; null clears a field (not status); email or phone "
            + "must remain.")
    public record ChangeLead(
            @Schema(nullable = true, format = "email", maxLength = 254, example = "lena@example.com") String email,
            @Schema(nullable = true, example = "+49 30 1234567") String phone,
            @Schema(nullable = true, minLength = 1, maxLength = 100, example = "Lena") String firstName,
            @Schema(nullable = true, minLength = 1, maxLength = 100, example = "Lead") String lastName,
            @Schema(nullable = true, minLength = 1, maxLength = 200, example = "Acme GmbH") String company,
            @Schema(nullable = true, minLength = 1, maxLength = 50, example = "web") String source,
            @Schema(description = "A converted lead keeps its status (409).", enumeration = { "new", "qualified", "converted", "disqualified" },
                    example = "qualified") String status) {
    }

    /**
     * {@code PATCH /api/v1/sales/deals/{id}}: the document's shape of the change. Absent and null differ for
     * expectedCloseOn (null clears it), so {@link DealResource} reads this body with {@link Input}.
     */
    @Schema(name = "ChangeDealRequest", description = "Only the fields present change. Moving to won or lost closes the deal.")
    public record ChangeDeal(
            @Schema(minLength = 1, maxLength = 200, example = "Acme renewal 2026") String name,
            @Schema(minimum = "0", maximum = "1000000000000", example = "15000") BigDecimal amount,
            @Schema(enumeration = { "prospecting", "qualification", "proposal", "negotiation", "won", "lost" }, example = "won") String stage,
            @Schema(nullable = true, format = "date", description = "null clears it.", example = "2026-03-31") LocalDate expectedCloseOn,
            @Schema(nullable = true, format = "date-time", description = "Only when the stage becomes won or lost; default now.") Instant closedAt,
            @Schema(nullable = true, minLength = 1, maxLength = 500, description = "Only when won.", example = "Best price") String wonReason,
            @Schema(nullable = true, minLength = 1, maxLength = 500, description = "Required when lost.") String lostReason) {
    }

    /** Rules against the clock and across fields, collected so one answer names every field at fault. */
    static final class Rules {
        private final List<FieldProblem> problems = new ArrayList<>();

        void fail(String field, String message) {
            problems.add(new FieldProblem(field, message));
        }

        boolean failed(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        /** An event time: not before {@link Input#EARLIEST}, not in the future (beyond the clock-skew tolerance). */
        void past(String field, Instant value, Instant now) {
            if (value == null) {
                return;
            }
            if (value.isBefore(Input.EARLIEST)) {
                fail(field, "must not lie before " + Input.EARLIEST);
            } else if (value.isAfter(now.plusSeconds(Input.FUTURE_TOLERANCE_SECONDS))) {
                fail(field, "must not lie in the future");
            }
        }

        void date(String field, LocalDate value) {
            if (value != null && (value.isBefore(LocalDate.of(1800, 1, 1)) || value.isAfter(Input.LATEST_DATE))) {
                fail(field, "must lie between 1800-01-01 and " + Input.LATEST_DATE);
            }
        }

        /** Throws 422 naming every field at fault. */
        void check() {
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(List.copyOf(problems));
            }
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
