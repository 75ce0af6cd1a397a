package dev.kreis.module.sales;

import java.util.Map;

/**
 * How many recent web visits make a lead's priority: {@code visits >= highVisits} is high,
 * {@code visits >= mediumVisits} medium, anything less low, counting {@code marketing.web_visit} touchpoints of
 * the lead's customer in the last {@code windowDays} days. Immutable and thread-safe.
 *
 * @param windowDays   the look-back window in days (config {@code priorityWindowDays}, default 14)
 * @param mediumVisits visits from which a lead is medium (config {@code mediumVisits}, default 3)
 * @param highVisits   visits from which a lead is high (config {@code highVisits}, default 6)
 */
record PriorityRule(int windowDays, int mediumVisits, int highVisits) {

    static final PriorityRule DEFAULT = new PriorityRule(14, 3, 6);

    PriorityRule {
        if (windowDays < 1 || mediumVisits < 1 || highVisits < 1) {
            throw new IllegalArgumentException("priorityWindowDays, mediumVisits and highVisits must be at least 1");
        }
        if (highVisits <= mediumVisits) {
            throw new IllegalArgumentException("highVisits (" + highVisits + ") must be greater than mediumVisits (" + mediumVisits + ")");
        }
    }

    /** The rule from the module's validated settings; missing keys take the defaults. */
    static PriorityRule of(Map<String, String> config) {
        return new PriorityRule(number(config, "priorityWindowDays", DEFAULT.windowDays), number(config, "mediumVisits", DEFAULT.mediumVisits),
                number(config, "highVisits", DEFAULT.highVisits));
    }

    private static int number(Map<String, String> config, String key, int fallback) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number: '" + value + "'");
        }
    }

    /** The priority for this many visits in the window, with its reason. */
    Priority apply(long visits) {
        String level = visits >= highVisits ? "high" : visits >= mediumVisits ? "medium" : "low";
        String reason = visits + (visits == 1 ? " web visit" : " web visits") + " in the last " + windowDays + (windowDays == 1 ? " day" : " days");
        return new Priority(level, visits, reason);
    }

    /** The priority of a lead without a customer record (erased): low, nothing to count. */
    static Priority withoutCustomer() {
        return new Priority("low", 0, "no customer record to count web visits of");
    }

    /**
     * A lead's priority.
     *
     * @param level  low, medium or high
     * @param visits the web visits counted
     * @param reason why, for people, e.g. "7 web visits in the last 14 days"
     */
    record Priority(String level, long visits, String reason) {
        /** Sort rank: high 3, medium 2, low 1. */
        int rank() {
            return rank(level);
        }

        static int rank(String level) {
            return switch (level) {
                case "high" -> 3;
                case "medium" -> 2;
                default -> 1;
            };
        }
    }
}
