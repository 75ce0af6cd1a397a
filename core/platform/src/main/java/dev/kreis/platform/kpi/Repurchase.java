package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;

/**
 * Repurchase rate: customers with at least two purchases ÷ customers with at least one, in percent.
 *
 * @param buyers       customers with at least one purchase in the period
 * @param repeatBuyers customers with at least two purchases in the period
 */
public record Repurchase(long buyers, long repeatBuyers) {

    public Repurchase {
        if (repeatBuyers < 0 || repeatBuyers > buyers) {
            throw new IllegalArgumentException("need 0 <= repeat buyers <= buyers, got " + repeatBuyers + " of " + buyers);
        }
    }

    /** From the number of orders of each customer; customers with no order are not counted. */
    public static Repurchase ofOrderCounts(Collection<Integer> ordersPerCustomer) {
        long buyers = 0;
        long repeatBuyers = 0;
        for (int orders : ordersPerCustomer) {
            if (orders < 0) {
                throw new IllegalArgumentException("a customer cannot have " + orders + " orders");
            }
            buyers += orders >= 1 ? 1 : 0;
            repeatBuyers += orders >= 2 ? 1 : 0;
        }
        return new Repurchase(buyers, repeatBuyers);
    }

    /** Repurchase rate in percent, 0..100; empty without buyers. */
    public Optional<BigDecimal> rate() {
        return Ratio.of(repeatBuyers, buyers).percent();
    }

    /** The {@code repurchase_rate} KPI over the number of buyers. */
    public KpiValue asKpiValue() {
        return KpiValue.of(rate(), buyers);
    }

    /** Both groups together (disjoint customers, same period). */
    public Repurchase plus(Repurchase other) {
        return new Repurchase(buyers + other.buyers, repeatBuyers + other.repeatBuyers);
    }
}
