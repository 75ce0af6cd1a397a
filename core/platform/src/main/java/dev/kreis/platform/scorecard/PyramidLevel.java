package dev.kreis.platform.scorecard;

import java.math.BigDecimal;
import java.util.Locale;

/** The five levels of the CX pyramid (CX-CONCEPTS §6), bottom to top. */
public enum PyramidLevel {
    COMMUNICATION(1, "engaged ÷ delivered informational touchpoints"),
    ACCOUNTABILITY(2, "issues resolved within SLA ÷ issues resolved"),
    ENGAGEMENT(3, "mean of CSAT (top-two-box %) and share of easy CES answers"),
    PROACTIVITY(4, "proactive share"),
    ENHANCEMENT(5, "mean of NRR (capped at 100) and share of NPS promoters");

    private final int number;
    private final String metric;

    PyramidLevel(int number, String metric) {
        this.number = number;
        this.metric = metric;
    }

    public int number() {
        return number;
    }

    public String metric() {
        return metric;
    }

    /** The name used in JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PyramidLevel of(int number) {
        return values()[number - 1];
    }

    BigDecimal defaultTarget(ScorecardConfig.Targets targets) {
        return switch (this) {
            case COMMUNICATION -> targets.communication();
            case ACCOUNTABILITY -> targets.accountability();
            case ENGAGEMENT -> targets.engagement();
            case PROACTIVITY -> targets.proactivity();
            case ENHANCEMENT -> targets.enhancement();
        };
    }
}
