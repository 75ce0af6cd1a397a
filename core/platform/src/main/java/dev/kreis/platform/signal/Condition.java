package dev.kreis.platform.signal;

import java.math.BigDecimal;
import java.time.Duration;

/** When a rule fires, given a touchpoint of its trigger. */
public sealed interface Condition {

    String kind();

    /** The touchpoint's score is within {@code [min, max]}; either bound may be open ({@code null}). */
    record ScoreRange(BigDecimal min, BigDecimal max) implements Condition {
        public String kind() {
            return "score_range";
        }

        public boolean holds(BigDecimal score) {
            return score != null && (min == null || score.compareTo(min) >= 0) && (max == null || score.compareTo(max) <= 0);
        }
    }

    /**
     * The customer has at least {@code count} touchpoints matching the trigger in the {@code window}
     * ending at the triggering touchpoint's time (itself included).
     */
    record CountWithin(int count, Duration window) implements Condition {
        public String kind() {
            return "count_within";
        }
    }

    /** The customer's last touchpoint matching the trigger is older than {@code period}; checked on a schedule. */
    record Absence(Duration period) implements Condition {
        public String kind() {
            return "absence";
        }
    }
}
