package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;

/**
 * Average order value: revenue ÷ orders, in money. Orders of value 0 count as orders.
 *
 * @param orders  {@code revenue.order} touchpoints in the period
 * @param revenue the sum of their amounts, 0 or more
 */
public record AverageOrderValue(long orders, BigDecimal revenue) {

    public AverageOrderValue {
        Objects.requireNonNull(revenue, "revenue");
        if (orders < 0 || revenue.signum() < 0) {
            throw new IllegalArgumentException("orders and revenue must be 0 or more");
        }
        if (orders == 0 && revenue.signum() != 0) {
            throw new IllegalArgumentException("revenue without orders: " + revenue.toPlainString());
        }
    }

    /** From the value of each order. */
    public static AverageOrderValue ofOrders(Collection<BigDecimal> orderValues) {
        BigDecimal revenue = BigDecimal.ZERO;
        for (BigDecimal value : orderValues) {
            if (Objects.requireNonNull(value, "order value").signum() < 0) {
                throw new IllegalArgumentException("an order value must be 0 or more, not " + value.toPlainString());
            }
            revenue = revenue.add(value);
        }
        return new AverageOrderValue(orderValues.size(), revenue);
    }

    /** Average order value in money, 4 decimal places; empty without orders. */
    public Optional<BigDecimal> value() {
        return new Ratio(revenue, BigDecimal.valueOf(orders)).value();
    }

    /** The {@code average_order_value} KPI over the number of orders. */
    public KpiValue asKpiValue() {
        return KpiValue.of(value(), orders);
    }

    /** Both sets of orders together. */
    public AverageOrderValue plus(AverageOrderValue other) {
        return new AverageOrderValue(orders + other.orders, revenue.add(other.revenue));
    }
}
