package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.assertAgrees;
import static dev.kreis.platform.kpi.RandomCases.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiValue;
class CustomerRetentionAndValueTest {

    @Test
    void theConceptsExampleLosesTenOfTwoHundredSoChurnIsFiveAndRetentionNinetyFive() {
        ChurnAndRetention rates = new ChurnAndRetention(200, 40, 230);
        assertEquals(10, rates.customersLost());
        assertEquals(Optional.of(decimal("5.0000")), rates.churnRate());
        assertEquals(Optional.of(decimal("95.0000")), rates.retentionRate());
        assertEquals(new KpiValue(decimal("5.0000"), 200), rates.churnRateKpi());
        assertEquals(new KpiValue(decimal("95.0000"), 200), rates.retentionRateKpi());
    }

    @Test
    void withoutCustomersAtTheStartChurnAndRetentionHaveNoData() {
        ChurnAndRetention onlyNew = new ChurnAndRetention(0, 12, 12);
        assertEquals(Optional.empty(), onlyNew.churnRate());
        assertEquals(Optional.empty(), onlyNew.retentionRate());
        assertEquals(KpiValue.noData(), onlyNew.churnRateKpi());
    }

    @Test
    void countsThatDoNotDescribeACohortAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChurnAndRetention(10, 5, 16));
        assertThrows(IllegalArgumentException.class, () -> new ChurnAndRetention(10, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new ChurnAndRetention(-1, 0, 0));
    }

    @Test
    void churnAndRetentionAgreeWithCountingCustomersAndAddUpToHundred() {
        RandomCases.check(41, random -> {
            int customers = random.nextInt(80);
            long start = 0;
            long end = 0;
            long fresh = 0;
            long left = 0;
            for (int i = 0; i < customers; i++) {
                boolean activeAtStart = random.nextBoolean();
                boolean activeAtEnd = random.nextInt(3) > 0;
                start += activeAtStart ? 1 : 0;
                end += activeAtEnd ? 1 : 0;
                fresh += !activeAtStart && activeAtEnd ? 1 : 0;
                left += activeAtStart && !activeAtEnd ? 1 : 0;
            }
            ChurnAndRetention rates = new ChurnAndRetention(start, fresh, end);
            assertEquals(left, rates.customersLost());
            if (start == 0) {
                assertEquals(Optional.empty(), rates.churnRate());
                return;
            }
            assertAgrees(100.0 * left / start, rates.churnRate());
            assertAgrees(100.0 * (start - left) / start, rates.retentionRate());
            BigDecimal sum = rates.churnRate().orElseThrow().add(rates.retentionRate().orElseThrow());
            assertTrue(sum.subtract(BigDecimal.valueOf(100)).abs().compareTo(decimal("0.0001")) <= 0, sum.toString());
        });
    }

    @Test
    void theConceptsExampleLifetimeValueIsFourThousand() {
        // 100 per account per month from 100 accounts, 80 % margin, 4 of 200 customers lost in the month = 2 %
        CustomerLifetimeValue clv = new CustomerLifetimeValue(decimal("10000"), 100, decimal("0.8"), new ChurnAndRetention(200, 0, 196));
        assertEquals(Optional.of(decimal("100.0000")), clv.revenuePerAccount());
        assertEquals(Optional.of(decimal("4000.0000")), clv.value());
        assertEquals(new KpiValue(decimal("4000.0000"), 100), clv.asKpiValue());
    }

    @Test
    void lifetimeValueDividesByTheExactChurnRateNotARoundedOne() {
        // churn 1 of 7: 1,000,000 ÷ (1/7) = 7,000,000 exactly; dividing by a rounded 14.2857 % would give 7,000,007.0000
        CustomerLifetimeValue clv = new CustomerLifetimeValue(decimal("1000000"), 1, BigDecimal.ONE, new ChurnAndRetention(7, 0, 6));
        assertEquals(Optional.of(decimal("7000000.0000")), clv.value());
    }

    @Test
    void withoutChurnOrAccountsLifetimeValueHasNoData() {
        assertEquals(Optional.empty(),
                new CustomerLifetimeValue(decimal("100"), 1, decimal("0.5"), new ChurnAndRetention(10, 0, 10)).value());
        assertEquals(Optional.empty(),
                new CustomerLifetimeValue(BigDecimal.ZERO, 0, decimal("0.5"), new ChurnAndRetention(10, 0, 9)).value());
        assertEquals(Optional.empty(),
                new CustomerLifetimeValue(decimal("100"), 1, decimal("0.5"), new ChurnAndRetention(0, 0, 0)).value());
        assertThrows(IllegalArgumentException.class,
                () -> new CustomerLifetimeValue(decimal("100"), 1, decimal("1.2"), new ChurnAndRetention(10, 0, 9)));
    }

    @Test
    void lifetimeValueAgreesWithTheTextbookFormula() {
        RandomCases.check(42, random -> {
            long accounts = 1 + random.nextInt(500);
            BigDecimal revenue = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
            BigDecimal margin = BigDecimal.valueOf(random.nextInt(101), 2);
            long start = 1 + random.nextInt(1000);
            long lost = 1 + random.nextInt((int) start);
            CustomerLifetimeValue clv = new CustomerLifetimeValue(revenue, accounts, margin, new ChurnAndRetention(start, 0, start - lost));
            double arpa = revenue.doubleValue() / accounts;
            assertAgrees(arpa * margin.doubleValue() / ((double) lost / start), clv.value());
        });
    }

    @Test
    void repurchaseRateIsRepeatBuyersOverBuyers() {
        Repurchase repurchase = Repurchase.ofOrderCounts(List.of(1, 2, 3, 0, 1));
        assertEquals(new Repurchase(4, 2), repurchase);
        assertEquals(Optional.of(decimal("50.0000")), repurchase.rate());
        assertEquals(new KpiValue(decimal("50.0000"), 4), repurchase.asKpiValue());
        assertEquals(Optional.empty(), Repurchase.ofOrderCounts(List.of(0, 0)).rate());
        assertThrows(IllegalArgumentException.class, () -> Repurchase.ofOrderCounts(List.of(-1)));
    }

    @Test
    void averageOrderValueIsRevenueOverOrdersCountingFreeOrders() {
        AverageOrderValue aov = AverageOrderValue.ofOrders(List.of(decimal("10"), decimal("10"), decimal("0")));
        assertEquals(Optional.of(decimal("6.6667")), aov.value());
        assertEquals(new KpiValue(decimal("6.6667"), 3), aov.asKpiValue());
        assertEquals(KpiValue.noData(), AverageOrderValue.ofOrders(List.of()).asKpiValue());
        assertThrows(IllegalArgumentException.class, () -> AverageOrderValue.ofOrders(List.of(decimal("-5"))));
        assertEquals(AverageOrderValue.ofOrders(List.of(decimal("10"), decimal("0"))),
                AverageOrderValue.ofOrders(List.of(decimal("10"))).plus(AverageOrderValue.ofOrders(List.of(decimal("0")))));
    }

    @Test
    void repurchaseAndOrderValueAgreeWithCountingOrders() {
        RandomCases.check(43, random -> {
            List<Integer> ordersPerCustomer = new ArrayList<>();
            List<BigDecimal> orderValues = new ArrayList<>();
            int customers = random.nextInt(40);
            for (int i = 0; i < customers; i++) {
                int orders = random.nextInt(4);
                ordersPerCustomer.add(orders);
                for (int o = 0; o < orders; o++) {
                    orderValues.add(BigDecimal.valueOf(random.nextInt(50_000), 2));
                }
            }
            long buyers = ordersPerCustomer.stream().filter(n -> n > 0).count();
            long repeat = ordersPerCustomer.stream().filter(n -> n > 1).count();
            if (buyers == 0) {
                assertEquals(Optional.empty(), Repurchase.ofOrderCounts(ordersPerCustomer).rate());
                assertEquals(Optional.empty(), AverageOrderValue.ofOrders(orderValues).value());
                return;
            }
            assertAgrees(100.0 * repeat / buyers, Repurchase.ofOrderCounts(ordersPerCustomer).rate());
            assertAgrees(orderValues.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow(),
                    AverageOrderValue.ofOrders(orderValues).value());
        });
    }
}
