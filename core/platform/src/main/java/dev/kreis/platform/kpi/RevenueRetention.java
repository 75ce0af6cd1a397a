package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.Period;

/**
 * Net and gross revenue retention of the cohort of customers paying at the start of a period.
 *
 * <p>A customer's start MRR is their MRR after the last change before the period starts; the cohort
 * is every customer whose start MRR is above 0, so customers who start paying inside the period
 * (new, or back after cancelling earlier) are excluded. Their end MRR is their MRR after the last
 * change before the period ends. Per cohort customer, end above start adds the difference to
 * expansion, end between 0 and start adds it to contraction, end 0 adds start to churned MRR. Then
 * NRR = Σend ÷ Σstart = (start + expansion − contraction − churned) ÷ start, and
 * GRR = Σmin(end, start) ÷ Σstart = (start − contraction − churned) ÷ start, both in percent.
 *
 * @param customers   customers in the cohort
 * @param startMrr    Σ start MRR of the cohort
 * @param expansion   Σ (end − start) over customers whose MRR grew
 * @param contraction Σ (start − end) over customers whose MRR shrank but stayed above 0
 * @param churned     Σ start over customers whose MRR fell to 0
 */
public record RevenueRetention(long customers, BigDecimal startMrr, BigDecimal expansion, BigDecimal contraction,
        BigDecimal churned) {

    public RevenueRetention {
        Objects.requireNonNull(startMrr, "startMrr");
        Objects.requireNonNull(expansion, "expansion");
        Objects.requireNonNull(contraction, "contraction");
        Objects.requireNonNull(churned, "churned");
        if (customers < 0 || startMrr.signum() < 0 || expansion.signum() < 0 || contraction.signum() < 0 || churned.signum() < 0) {
            throw new IllegalArgumentException("customers and amounts must be 0 or more");
        }
        if (contraction.add(churned).compareTo(startMrr) > 0) {
            throw new IllegalArgumentException("contraction and churned MRR cannot exceed the start MRR");
        }
        if ((customers == 0) != (startMrr.signum() == 0)) {
            throw new IllegalArgumentException("a cohort has a start MRR above 0 exactly when it has customers");
        }
    }

    /** The empty cohort: no data. */
    public static RevenueRetention none() {
        return new RevenueRetention(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * Retention over {@code period} of customers given by their MRR histories, one collection of
     * changes per customer in any order. Changes at the same instant apply in the order given.
     */
    public static RevenueRetention over(Period period, Collection<? extends Collection<MrrChange>> historiesByCustomer) {
        RevenueRetention total = none();
        for (Collection<MrrChange> history : historiesByCustomer) {
            total = total.plus(ofCustomer(period, history));
        }
        return total;
    }

    /** One customer's contribution: nothing unless they paid at the start of {@code period}. */
    static RevenueRetention ofCustomer(Period period, Collection<MrrChange> history) {
        MrrPosition position = MrrPosition.of(period, history);
        return position.activeAtStart() ? ofCustomer(position.start(), position.end()) : none();
    }

    /** One cohort customer's contribution from their start MRR (above 0) and end MRR (0 or more). */
    public static RevenueRetention ofCustomer(BigDecimal start, BigDecimal end) {
        if (start.signum() <= 0 || end.signum() < 0) {
            throw new IllegalArgumentException("a cohort customer has a start MRR above 0 and an end MRR of 0 or more");
        }
        BigDecimal zero = BigDecimal.ZERO;
        if (end.signum() == 0) {
            return new RevenueRetention(1, start, zero, zero, start);
        }
        int comparison = end.compareTo(start);
        return comparison > 0 ? new RevenueRetention(1, start, end.subtract(start), zero, zero)
                : new RevenueRetention(1, start, zero, start.subtract(end), zero);
    }

    /** Σ end MRR of the cohort. */
    public BigDecimal endMrr() {
        return startMrr.add(expansion).subtract(contraction).subtract(churned);
    }

    /** Σ min(end, start) MRR of the cohort: what was kept, not counting growth. */
    public BigDecimal retainedMrr() {
        return startMrr.subtract(contraction).subtract(churned);
    }

    /** NRR in percent, 0 or more (above 100 when expansion outweighs losses); empty for an empty cohort. */
    public Optional<BigDecimal> netRetention() {
        return new Ratio(endMrr(), startMrr).percent();
    }

    /** GRR in percent, 0..100; empty for an empty cohort. */
    public Optional<BigDecimal> grossRetention() {
        return new Ratio(retainedMrr(), startMrr).percent();
    }

    /** The {@code nrr} KPI over the number of cohort customers. */
    public KpiValue netRetentionKpi() {
        return KpiValue.of(netRetention(), customers);
    }

    /** The {@code grr} KPI over the number of cohort customers. */
    public KpiValue grossRetentionKpi() {
        return KpiValue.of(grossRetention(), customers);
    }

    /** Both cohorts together (disjoint customers, same period). */
    public RevenueRetention plus(RevenueRetention other) {
        return new RevenueRetention(customers + other.customers, startMrr.add(other.startMrr), expansion.add(other.expansion),
                contraction.add(other.contraction), churned.add(other.churned));
    }
}
