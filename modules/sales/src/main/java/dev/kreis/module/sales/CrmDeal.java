package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.kreis.spi.connector.CrmActivity;

/**
 * What a CRM deal or opportunity says about the sales deal it becomes, read from the activity's mapped attributes
 * (docs/modules/sales.md, "Deals from a CRM"). Pure: the same activity always gives the same deal.
 *
 * @param name            the CRM's title, else "{object} {recordId}"; at most 200 characters
 * @param amount          the CRM's amount, or 0 when it is missing, not a number, negative or above 10^12
 * @param stage           won or lost for a closed deal; for an open one the pipeline stage its CRM stage names, if any
 * @param openedAt        the CRM's creation time, if it sent one
 * @param closedAt        when a closed deal closed, if the CRM sent a close time or date
 * @param expectedCloseOn an open deal's close date
 */
record CrmDeal(String name, BigDecimal amount, Optional<String> stage, Optional<Instant> openedAt, Optional<Instant> closedAt,
        Optional<LocalDate> expectedCloseOn, Optional<String> wonReason, Optional<String> lostReason) {
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final int NAME_LENGTH = 200;
    static final int REASON_LENGTH = 500;

    static CrmDeal of(CrmActivity activity) {
        Map<String, String> values = activity.attributes();
        String status = activity.status();
        boolean closed = status.equals("won") || status.equals("lost");
        String name = activity.title().map(String::strip).filter(t -> !t.isEmpty()).orElse(activity.object() + " " + activity.recordId());
        Optional<Instant> closeDate = CrmActivity.time(values.get("closeDate"));
        Optional<Instant> closedAt = closed ? CrmActivity.time(values.get("closedAt")).or(() -> closeDate) : Optional.empty();
        Optional<LocalDate> expected = closed ? Optional.empty() : closeDate.map(t -> t.atOffset(ZoneOffset.UTC).toLocalDate());
        return new CrmDeal(cut(name, NAME_LENGTH), amount(activity.amount()), closed ? Optional.of(status) : openStage(values.get("stage")),
                CrmActivity.time(values.get("createdAt")), closedAt, expected,
                status.equals("won") ? text(values.get("wonReason")) : Optional.empty(),
                status.equals("lost") ? text(values.get("lostReason")) : Optional.empty());
    }

    /** The deal's stage now: won or lost, else the stage the CRM names, else the open stage it had ({@code prospecting} if none). */
    String stageAfter(String before) {
        return stage.orElse(before == null || DealResource.closed(before) ? "prospecting" : before);
    }

    /**
     * The pipeline stage a CRM stage names: HubSpot's default sales pipeline ({@code appointmentscheduled},
     * {@code qualifiedtobuy}, {@code presentationscheduled}, {@code decisionmakerboughtin}, {@code contractsent}) and
     * Salesforce's default opportunity stages ("Prospecting" ... "Negotiation/Review") by keyword; none for others.
     */
    static Optional<String> openStage(String crmStage) {
        if (crmStage == null) {
            return Optional.empty();
        }
        String s = crmStage.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (s.contains("prospect") || s.contains("appointment")) {
            return Optional.of("prospecting");
        }
        if (s.contains("qualif") || s.contains("needsanalysis")) {
            return Optional.of("qualification");
        }
        if (s.contains("proposal") || s.contains("proposition") || s.contains("quote") || s.contains("presentation")) {
            return Optional.of("proposal");
        }
        if (s.contains("negotiat") || s.contains("contract") || s.contains("decision")) {
            return Optional.of("negotiation");
        }
        return Optional.empty();
    }

    /** The amount as a number of at most 4 decimal places, 0 when missing or unreadable (never a failure of the record). */
    static BigDecimal amount(Optional<String> text) {
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal value = new BigDecimal(text.get().strip());
            if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
                return BigDecimal.ZERO;
            }
            return value.setScale(4, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty()).map(v -> cut(v, REASON_LENGTH));
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
