package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;

/**
 * Customer lifetime value: average revenue per account per period × gross margin ÷ churn rate per
 * period, in money.
 *
 * <p>The inputs are kept exact, so the value is computed as revenue × margin × S ÷ (accounts × lost)
 * and rounded once; a rounded churn rate would be divided by and magnify its rounding error. Without
 * accounts, without customers at the start, or without churn (an endless lifetime) there is no value.
 *
 * @param revenue     revenue of the period from the accounts, 0 or more
 * @param accounts    paying accounts in the period
 * @param grossMargin gross margin as a fraction, 0..1 (0.8 for 80 %)
 * @param churn       churn over the same period
 */
public record CustomerLifetimeValue(BigDecimal revenue, long accounts, BigDecimal grossMargin, ChurnAndRetention churn) {

    public CustomerLifetimeValue {
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(grossMargin, "grossMargin");
        Objects.requireNonNull(churn, "churn");
        if (revenue.signum() < 0 || accounts < 0) {
            throw new IllegalArgumentException("revenue and accounts must be 0 or more");
        }
        if (grossMargin.signum() < 0 || grossMargin.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("gross margin is a fraction from 0 to 1, not " + grossMargin.toPlainString());
        }
    }

    /** Average revenue per account, 4 decimal places; empty without accounts. */
    public Optional<BigDecimal> revenuePerAccount() {
        return new Ratio(revenue, BigDecimal.valueOf(accounts)).value();
    }

    /** CLV in money, 4 decimal places; empty without accounts, without customers at the start or without churn. */
    public Optional<BigDecimal> value() {
        if (churn.churn().isUndefined()) {
            return Optional.empty();
        }
        BigDecimal numerator = revenue.multiply(grossMargin).multiply(BigDecimal.valueOf(churn.customersAtStart()));
        BigDecimal denominator = BigDecimal.valueOf(accounts).multiply(BigDecimal.valueOf(churn.customersLost()));
        return new Ratio(numerator, denominator).value();
    }

    /** The {@code clv} KPI over the number of accounts. */
    public KpiValue asKpiValue() {
        return KpiValue.of(value(), accounts);
    }
}
