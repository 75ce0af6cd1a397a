package dev.kreis.platform.touchpoint;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import dev.kreis.platform.api.Problem.FieldError;

/**
 * The core's revenue touchpoint types and their amount rules. A subscription event carries the
 * customer's monthly recurring revenue (MRR) after the event — 0 when cancelled — and an order its
 * value; revenue KPIs (NRR, GRR, churn, CLV, order value) are computed from these amounts.
 */
public final class RevenueTypes {
    public static final String STARTED = "revenue.subscription_started";
    public static final String CHANGED = "revenue.subscription_changed";
    public static final String CANCELLED = "revenue.subscription_cancelled";
    public static final String ORDER = "revenue.order";
    /** The subscription events, whose amount is the MRR after the event. */
    public static final Set<String> SUBSCRIPTION = Set.of(STARTED, CHANGED, CANCELLED);
    private static final Set<String> ALL = Set.of(STARTED, CHANGED, CANCELLED, ORDER);

    private RevenueTypes() {
    }

    public static boolean isRevenue(String typeKey) {
        return ALL.contains(typeKey);
    }

    /** Adds an error for an amount the type does not allow. */
    static void check(String typeKey, BigDecimal amount, List<FieldError> errors) {
        if (!isRevenue(typeKey)) {
            return;
        }
        if (amount == null) {
            errors.add(new FieldError("amount", "is required for " + typeKey
                    + (ORDER.equals(typeKey) ? " (the order value)" : " (the monthly recurring revenue after the event)")));
        } else if (amount.signum() < 0) {
            errors.add(new FieldError("amount", "must not be negative for " + typeKey));
        } else if (CANCELLED.equals(typeKey) && amount.signum() != 0) {
            errors.add(new FieldError("amount", "must be 0 for " + typeKey + ": a cancelled subscription has no recurring revenue"));
        }
    }
}
