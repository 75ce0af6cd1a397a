package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import dev.kreis.spi.api.FieldProblems;

/**
 * A campaign's fields as a request gives them, validated. Creating takes every field (name, channel and
 * audience required); changing starts from the stored campaign and applies the fields present. The records'
 * constraints were checked before; here are the rules across fields.
 */
record CampaignDraft(String name, String channel, String purpose, LocalDate startsOn, LocalDate endsOn, BigDecimal budget,
        Audience audience) {

    static final String DEFAULT_PURPOSE = "marketing";

    /** A new campaign; collects problems in {@code problems}, {@code null} if there are any. */
    static CampaignDraft create(CampaignRequests.Create body, FieldProblems problems) {
        Audience audience = Audience.from(body.audience(), problems);
        checkPeriod(body.startsOn(), body.endsOn(), problems);
        String purpose = body.purpose() == null ? DEFAULT_PURPOSE : body.purpose();
        return problems.ok() ? new CampaignDraft(body.name(), body.channel(), purpose, body.startsOn(), body.endsOn(), body.budget(), audience)
                : null;
    }

    /** This campaign with the fields present in a change; {@code null} for optional fields clears them, for purpose resets it. */
    CampaignDraft change(CampaignRequests.Change body, FieldProblems problems) {
        Audience newAudience = body.audience() == null ? audience : Audience.from(body.audience().orElseThrow(), problems);
        LocalDate newStart = apply(body.startsOn(), startsOn);
        LocalDate newEnd = apply(body.endsOn(), endsOn);
        checkPeriod(newStart, newEnd, problems);
        String newPurpose = body.purpose() == null ? purpose : body.purpose().orElse(DEFAULT_PURPOSE);
        return problems.ok() ? new CampaignDraft(apply(body.name(), name), apply(body.channel(), channel), newPurpose, newStart, newEnd,
                apply(body.budget(), budget), newAudience) : null;
    }

    /** Absent ({@code null}) keeps {@code current}, null clears it, a value replaces it. */
    private static <T> T apply(Optional<T> change, T current) {
        return change == null ? current : change.orElse(null);
    }

    private static void checkPeriod(LocalDate startsOn, LocalDate endsOn, FieldProblems problems) {
        checkYear(startsOn, "startsOn", problems);
        checkYear(endsOn, "endsOn", problems);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn) && !problems.failed("startsOn")
                && !problems.failed("endsOn")) {
            problems.add("endsOn", "must not lie before startsOn (" + startsOn + ")");
        }
    }

    private static void checkYear(LocalDate date, String field, FieldProblems problems) {
        if (date != null && (date.getYear() < 1900 || date.getYear() > 2999)) {
            problems.add(field, "must lie between the years 1900 and 2999");
        }
    }
}
