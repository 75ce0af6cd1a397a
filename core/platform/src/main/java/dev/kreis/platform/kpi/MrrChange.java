package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a customer's monthly recurring revenue: a {@code revenue.subscription_started},
 * {@code revenue.subscription_changed} or {@code revenue.subscription_cancelled} touchpoint
 * ({@link dev.kreis.platform.touchpoint.RevenueTypes#SUBSCRIPTION}), whose amount is the MRR after it.
 *
 * @param occurredAt when it happened
 * @param mrr        the customer's MRR after the change, 0 or more (0 when cancelled)
 */
public record MrrChange(Instant occurredAt, BigDecimal mrr) {

    public MrrChange {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(mrr, "mrr");
        if (mrr.signum() < 0) {
            throw new IllegalArgumentException("MRR must be 0 or more, not " + mrr.toPlainString());
        }
    }
}
