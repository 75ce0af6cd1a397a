package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.Period;

/**
 * Customer churn and retention over a period, for the cohort of customers active at its start.
 *
 * <p>With S customers at the start, E at the end and N of those E new (active at the end but not at
 * the start, including customers who came back), E − N cohort customers stayed and
 * lost = S + N − E left. Churn rate = lost ÷ S, retention rate = (E − N) ÷ S, both in percent; they add
 * up to 100. Counting only new customers still active at the end as N keeps new customers who came
 * and went inside the period out of both rates, as the cohort definition requires.
 *
 * @param customersAtStart S, customers active at the start
 * @param newCustomers     N, customers active at the end who were not active at the start
 * @param customersAtEnd   E, customers active at the end
 */
public record ChurnAndRetention(long customersAtStart, long newCustomers, long customersAtEnd) {

    public ChurnAndRetention {
        if (customersAtStart < 0 || newCustomers < 0 || customersAtEnd < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        long stayed = customersAtEnd - newCustomers;
        if (stayed < 0 || stayed > customersAtStart) {
            throw new IllegalArgumentException("E − N customers stayed, which must be between 0 and S: S " + customersAtStart
                    + ", N " + newCustomers + ", E " + customersAtEnd);
        }
    }

    /**
     * Churn and retention of subscription customers over {@code period}, given by their MRR changes
     * (one collection per customer): a customer is active while their MRR is above 0, at the start
     * after their last change before the period, at the end after their last change before its end.
     * This is the same cohort as {@link RevenueRetention#over}.
     */
    public static ChurnAndRetention over(Period period, Collection<? extends Collection<MrrChange>> historiesByCustomer) {
        long atStart = 0;
        long fresh = 0;
        long atEnd = 0;
        for (Collection<MrrChange> history : historiesByCustomer) {
            MrrPosition position = MrrPosition.of(period, history);
            atStart += position.activeAtStart() ? 1 : 0;
            atEnd += position.activeAtEnd() ? 1 : 0;
            fresh += position.activeAtEnd() && !position.activeAtStart() ? 1 : 0;
        }
        return new ChurnAndRetention(atStart, fresh, atEnd);
    }

    /** Cohort customers still active at the end: E − N. */
    public long customersKept() {
        return customersAtEnd - newCustomers;
    }

    /** Cohort customers no longer active at the end: S + N − E. */
    public long customersLost() {
        return customersAtStart - customersKept();
    }

    /** The exact churn fraction lost ÷ S, for formulas that divide by it. */
    public Ratio churn() {
        return Ratio.of(customersLost(), customersAtStart);
    }

    /** Churn rate in percent, 0..100; empty without customers at the start. */
    public Optional<BigDecimal> churnRate() {
        return churn().percent();
    }

    /** Retention rate in percent, 0..100; empty without customers at the start. */
    public Optional<BigDecimal> retentionRate() {
        return Ratio.of(customersKept(), customersAtStart).percent();
    }

    /** The {@code churn_rate} KPI over the customers at the start. */
    public KpiValue churnRateKpi() {
        return KpiValue.of(churnRate(), customersAtStart);
    }

    /** The {@code retention_rate} KPI over the customers at the start. */
    public KpiValue retentionRateKpi() {
        return KpiValue.of(retentionRate(), customersAtStart);
    }

    /** Both groups together (disjoint customers, same period). */
    public ChurnAndRetention plus(ChurnAndRetention other) {
        return new ChurnAndRetention(customersAtStart + other.customersAtStart, newCustomers + other.newCustomers,
                customersAtEnd + other.customersAtEnd);
    }
}
