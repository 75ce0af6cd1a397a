package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.spi.api.FieldProblems;
import dev.kreis.spi.api.JsonRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.valueextraction.Unwrapping.Unwrap;

/**
 * The request bodies of the sales API, read strictly as records ({@link JsonRequest}). Text is trimmed; the
 * constraints here are what the platform validates and what the API document shows. Rules across fields or against
 * the clock are checked by {@link Rules}. In the PATCH bodies an {@link Optional} field is {@code null} when absent
 * (keep the value) and empty when sent as null (clear it), see {@link #apply}.
 */
final class SalesRequests {
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String PHONE = "\\+?[0-9][0-9 ()./-]{3,38}";
    static final String LEAD_STATUS = "new|qualified|converted|disqualified";
    static final String STAGE = "prospecting|qualification|proposal|negotiation|won|lost";
    /** Earliest instant a time in a request may have. */
    static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    static final LocalDate EARLIEST_DATE = LocalDate.of(1800, 1, 1);
    /** Latest date (expected close dates may lie in the future, but not absurdly). */
    static final LocalDate LATEST_DATE = LocalDate.of(2200, 1, 1);
    /** How far in the future an event time may lie (clock skew). */
    static final long FUTURE_TOLERANCE_SECONDS = 300;

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
     * {@code PATCH /api/v1/sales/leads/{id}}: a field left out keeps its value ({@code null} here), one sent as null
     * clears it ({@link Optional#empty()}); status cannot be cleared.
     */
    @JsonRequest
    @Schema(name = "ChangeLeadRequest", description = "Only the fields present change; null clears a field (not status); email or phone "
            + "must remain.")
    public record ChangeLead(
            @Size(max = 254, message = "must be at most {max} characters", payload = Unwrap.class)
            @Pattern(regexp = EMAIL, message = "must be an e-mail address such as anna@example.com", payload = Unwrap.class)
            @Schema(nullable = true, format = "email", description = "The lead's e-mail address (stored in lower case); null clears it.",
                    example = "lena@example.com") Optional<String> email,
            @Pattern(regexp = PHONE, message = "must be a phone number such as +49 30 1234567", payload = Unwrap.class)
            @Schema(nullable = true, description = "The lead's phone number; null clears it.", example = "+49 30 1234567") Optional<String> phone,
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters", payload = Unwrap.class)
            @Schema(nullable = true, description = "Given name; null clears it.", example = "Lena") Optional<String> firstName,
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters", payload = Unwrap.class)
            @Schema(nullable = true, description = "Family name; null clears it.", example = "Lead") Optional<String> lastName,
            @Size(min = 1, max = 200, message = "must be 1 to {max} characters", payload = Unwrap.class)
            @Schema(nullable = true, description = "The lead's company; null clears it.", example = "Acme GmbH") Optional<String> company,
            @Size(min = 1, max = 50, message = "must be 1 to {max} characters", payload = Unwrap.class)
            @Schema(nullable = true, description = "Where the lead came from; null clears it.", example = "web") Optional<String> source,
            @NotNull(message = "must be one of [new, qualified, converted, disqualified]", payload = Unwrap.class)
            @Pattern(regexp = LEAD_STATUS, message = "must be one of [new, qualified, converted, disqualified]", payload = Unwrap.class)
            @Schema(required = false, nullable = false, description = "A converted lead keeps its status (409); not null.", enumeration = { "new", "qualified", "converted",
                    "disqualified" }, example = "qualified") Optional<String> status) {

        public ChangeLead {
            email = strip(email);
            email = email == null ? null : email.map(e -> e.toLowerCase(Locale.ROOT));
            phone = strip(phone);
            firstName = strip(firstName);
            lastName = strip(lastName);
            company = strip(company);
            source = strip(source);
        }

        /** Whether the lead's profile (contact data or name) changes. */
        boolean changesProfile() {
            return email != null || phone != null || firstName != null || lastName != null || company != null;
        }
    }

    /**
     * {@code PATCH /api/v1/sales/deals/{id}}: a field left out keeps its value ({@code null} here); expectedCloseOn sent
     * as null is cleared ({@link Optional#empty()}); name, amount and stage cannot be cleared.
     */
    @JsonRequest
    @Schema(name = "ChangeDealRequest", description = "Only the fields present change. Moving to won or lost closes the deal.")
    public record ChangeDeal(
            @NotNull(message = "must not be null", payload = Unwrap.class)
            @Size(min = 1, max = 200, message = "must be 1 to {max} characters", payload = Unwrap.class)
            @Schema(required = false, nullable = false, description = "What the deal is about; not null.", example = "Acme renewal 2026") Optional<String> name,
            @NotNull(message = "must not be null", payload = Unwrap.class)
            @DecimalMin(value = "0", message = "must not be negative", payload = Unwrap.class)
            @DecimalMax(value = "1000000000000", message = "must be at most 1000000000000", payload = Unwrap.class)
            @Digits(integer = 13, fraction = 4, message = "must have at most 4 decimal places", payload = Unwrap.class)
            @Schema(required = false, nullable = false, description = "The deal's value in the installation's currency; not null.", example = "15000") Optional<BigDecimal> amount,
            @NotNull(message = "must be one of [prospecting, qualification, proposal, negotiation, won, lost]", payload = Unwrap.class)
            @Pattern(regexp = STAGE, message = "must be one of [prospecting, qualification, proposal, negotiation, won, lost]",
                    payload = Unwrap.class)
            @Schema(required = false, nullable = false, description = "The new stage; not null. won and lost close the deal.", enumeration = { "prospecting", "qualification",
                    "proposal", "negotiation", "won", "lost" }, example = "won") Optional<String> stage,
            @Schema(nullable = true, format = "date", description = "When the deal is expected to close, 1800-01-01 to 2200-01-01; null "
                    + "clears it.", example = "2026-03-31") Optional<LocalDate> expectedCloseOn,
            @Schema(nullable = true, format = "date-time", description = "Only when the stage becomes won or lost; default now, not before "
                    + "the deal was opened, not in the future.") Instant closedAt,
            @Size(min = 1, max = 500, message = "must be 1 to {max} characters")
            @Schema(nullable = true, description = "Only when won.", example = "Best price") String wonReason,
            @Size(min = 1, max = 500, message = "must be 1 to {max} characters")
            @Schema(nullable = true, description = "Required when lost.") String lostReason) {

        public ChangeDeal {
            name = strip(name);
            wonReason = strip(wonReason);
            lostReason = strip(lostReason);
        }
    }

    /** What a PATCH field makes of a stored value: absent ({@code null}) keeps it, null clears it, a value replaces it. */
    static <T> T apply(Optional<T> change, T current) {
        return change == null ? current : change.orElse(null);
    }

    /** Rules against the clock and across fields, collected so one answer names every field at fault. */
    static final class Rules {
        private final FieldProblems problems = new FieldProblems();

        void fail(String field, String message) {
            problems.add(field, message);
        }

        boolean failed(String field) {
            return problems.failed(field);
        }

        /** An event time: not before {@link #EARLIEST}, not in the future (beyond the clock-skew tolerance). */
        void past(String field, Instant value, Instant now) {
            if (value == null) {
                return;
            }
            if (value.isBefore(EARLIEST)) {
                fail(field, "must not lie before " + EARLIEST);
            } else if (value.isAfter(now.plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
                fail(field, "must not lie in the future");
            }
        }

        void date(String field, LocalDate value) {
            if (value != null && (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE))) {
                fail(field, "must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
            }
        }

        /** Throws 422 naming every field at fault. */
        void check() {
            problems.throwIfAny();
        }
    }

    private static Optional<String> strip(Optional<String> text) {
        return text == null ? null : text.map(String::strip);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
