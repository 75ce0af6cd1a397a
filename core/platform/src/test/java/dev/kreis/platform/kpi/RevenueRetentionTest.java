package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.assertAgrees;
import static dev.kreis.platform.kpi.RandomCases.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.Period;

class RevenueRetentionTest {
    private static final Instant DECEMBER = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant Q1_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant Q1_END = Instant.parse("2026-04-01T00:00:00Z");
    private static final Period Q1 = new Period(Q1_START, Q1_END);

    private static MrrChange mrr(Instant at, String amount) {
        return new MrrChange(at, decimal(amount));
    }

    @Test
    void theConceptsExampleKeepsAHundredPercentNetAndEightyFiveGross() {
        List<List<MrrChange>> customers = List.of(
                List.of(mrr(DECEMBER, "4000"), mrr(FEBRUARY, "5500")),      // expands by 1,500
                List.of(mrr(DECEMBER, "3000"), mrr(FEBRUARY, "2500")),      // contracts by 500
                List.of(mrr(DECEMBER, "1000"), mrr(FEBRUARY, "0")),         // churns 1,000
                List.of(mrr(DECEMBER, "2000")),                              // stays
                List.of(mrr(FEBRUARY, "3000")));                             // new in the period: excluded
        RevenueRetention retention = RevenueRetention.over(Q1, customers);

        assertEquals(new RevenueRetention(4, decimal("10000"), decimal("1500"), decimal("500"), decimal("1000")), retention);
        assertEquals(0, decimal("10000").compareTo(retention.endMrr()));
        assertEquals(Optional.of(decimal("100.0000")), retention.netRetention());
        assertEquals(Optional.of(decimal("85.0000")), retention.grossRetention());
        assertEquals(new KpiValue(decimal("100.0000"), 4), retention.netRetentionKpi());
        assertEquals(new KpiValue(decimal("85.0000"), 4), retention.grossRetentionKpi());
    }

    @Test
    void startMrrIsTheLastChangeBeforeThePeriodAndEndMrrTheLastBeforeItEnds() {
        List<MrrChange> history = List.of(mrr(DECEMBER, "100"), mrr(DECEMBER.plus(Duration.ofDays(10)), "200"),
                mrr(FEBRUARY, "50"), mrr(FEBRUARY.plus(Duration.ofDays(3)), "260"), mrr(Q1_END, "0"));
        RevenueRetention retention = RevenueRetention.over(Q1, List.of(history));
        assertEquals(0, decimal("200").compareTo(retention.startMrr()));
        assertEquals(0, decimal("260").compareTo(retention.endMrr()));
        assertEquals(Optional.of(decimal("130.0000")), retention.netRetention());
    }

    @Test
    void aChangeAtTheFirstInstantBelongsToThePeriodAndOneAtTheEndInstantToTheNext() {
        RevenueRetention startsAtTheStart = RevenueRetention.over(Q1, List.of(List.of(mrr(Q1_START, "100"))));
        assertEquals(RevenueRetention.none(), startsAtTheStart);
        RevenueRetention cancelsAtTheEnd = RevenueRetention.over(Q1, List.of(List.of(mrr(DECEMBER, "100"), mrr(Q1_END, "0"))));
        assertEquals(Optional.of(decimal("100.0000")), cancelsAtTheEnd.netRetention());
    }

    @Test
    void aCustomerWhoCancelledBeforeThePeriodAndReturnsInsideItIsNotInTheCohort() {
        List<MrrChange> comeback = List.of(mrr(DECEMBER, "100"), mrr(DECEMBER.plus(Duration.ofDays(5)), "0"), mrr(FEBRUARY, "300"));
        List<MrrChange> loyal = List.of(mrr(DECEMBER, "100"));
        RevenueRetention retention = RevenueRetention.over(Q1, List.of(comeback, loyal));
        assertEquals(1, retention.customers());
        assertEquals(Optional.of(decimal("100.0000")), retention.netRetention());
    }

    @Test
    void changesAtTheSameInstantApplyInTheOrderGiven() {
        List<MrrChange> history = List.of(mrr(FEBRUARY, "80"), mrr(DECEMBER, "100"), mrr(FEBRUARY, "120"));
        assertEquals(Optional.of(decimal("120.0000")), RevenueRetention.over(Q1, List.of(history)).netRetention());
    }

    @Test
    void expansionRaisesNetButNeverGrossRetentionAboveHundred() {
        RevenueRetention grows = RevenueRetention.over(Q1, List.of(List.of(mrr(DECEMBER, "100"), mrr(FEBRUARY, "250"))));
        assertEquals(Optional.of(decimal("250.0000")), grows.netRetention());
        assertEquals(Optional.of(decimal("100.0000")), grows.grossRetention());
    }

    @Test
    void withoutACohortThereIsNoData() {
        RevenueRetention none = RevenueRetention.over(Q1, List.of(List.of(mrr(FEBRUARY, "100")), List.of()));
        assertEquals(Optional.empty(), none.netRetention());
        assertEquals(Optional.empty(), none.grossRetention());
        assertEquals(KpiValue.noData(), none.netRetentionKpi());
    }

    @Test
    void aggregatesThatCannotComeFromACohortAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MrrChange(DECEMBER, decimal("-1")));
        assertThrows(IllegalArgumentException.class,
                () -> new RevenueRetention(1, decimal("100"), BigDecimal.ZERO, decimal("60"), decimal("50")));
        assertThrows(IllegalArgumentException.class,
                () -> new RevenueRetention(0, decimal("100"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RevenueRetention.ofCustomer(BigDecimal.ZERO, decimal("10")));
    }

    @Test
    void subscriptionChurnCountsTheSameCohortAsRevenueRetention() {
        List<List<MrrChange>> customers = List.of(
                List.of(mrr(DECEMBER, "4000"), mrr(FEBRUARY, "5500")),
                List.of(mrr(DECEMBER, "1000"), mrr(FEBRUARY, "0")),
                List.of(mrr(DECEMBER, "2000")),
                List.of(mrr(FEBRUARY, "3000")),
                List.of(mrr(FEBRUARY, "300"), mrr(FEBRUARY.plus(Duration.ofDays(1)), "0")));
        ChurnAndRetention rates = ChurnAndRetention.over(Q1, customers);
        assertEquals(new ChurnAndRetention(3, 1, 3), rates);
        assertEquals(Optional.of(decimal("33.3333")), rates.churnRate());
        assertEquals(Optional.of(decimal("66.6667")), rates.retentionRate());
        assertEquals(RevenueRetention.over(Q1, customers).customers(), rates.customersAtStart());
    }

    @Test
    void grossRetentionNeverExceedsHundredNorNetRetention() {
        RandomCases.check(31, random -> {
            RevenueRetention retention = RevenueRetention.over(Q1, randomHistories(random));
            retention.grossRetention().ifPresent(grr -> {
                assertTrue(grr.compareTo(BigDecimal.valueOf(100)) <= 0, "GRR " + grr);
                assertTrue(grr.signum() >= 0, "GRR " + grr);
                assertTrue(grr.compareTo(retention.netRetention().orElseThrow()) <= 0, "GRR " + grr + " NRR " + retention.netRetention());
            });
        });
    }

    @Test
    void retentionAndChurnAgreeWithReplayingEveryChangeInTimeOrder() {
        RandomCases.check(32, random -> {
            List<List<MrrChange>> histories = randomHistories(random);
            record Change(int customer, int position, MrrChange change) {
            }
            List<Change> all = new ArrayList<>();
            for (int customer = 0; customer < histories.size(); customer++) {
                for (int position = 0; position < histories.get(customer).size(); position++) {
                    all.add(new Change(customer, position, histories.get(customer).get(position)));
                }
            }
            all.sort(Comparator.comparing((Change c) -> c.change().occurredAt()).thenComparing(Change::customer)
                    .thenComparing(Change::position));
            Map<Integer, Double> atStart = new HashMap<>();
            Map<Integer, Double> atEnd = new HashMap<>();
            for (Change c : all) {
                if (c.change().occurredAt().compareTo(Q1_START) < 0) {
                    atStart.put(c.customer(), c.change().mrr().doubleValue());
                }
                if (c.change().occurredAt().compareTo(Q1_END) < 0) {
                    atEnd.put(c.customer(), c.change().mrr().doubleValue());
                }
            }
            double start = 0;
            double end = 0;
            double kept = 0;
            int cohort = 0;
            for (Map.Entry<Integer, Double> entry : atStart.entrySet()) {
                if (entry.getValue() > 0) {
                    cohort++;
                    start += entry.getValue();
                    end += atEnd.get(entry.getKey());
                    kept += Math.min(entry.getValue(), atEnd.get(entry.getKey()));
                }
            }
            RevenueRetention retention = RevenueRetention.over(Q1, histories);
            assertEquals(cohort, retention.customers());
            long lost = atStart.entrySet().stream().filter(e -> e.getValue() > 0 && atEnd.get(e.getKey()) == 0).count();
            long fresh = atEnd.entrySet().stream().filter(e -> e.getValue() > 0 && atStart.getOrDefault(e.getKey(), 0.0) == 0).count();
            ChurnAndRetention rates = ChurnAndRetention.over(Q1, histories);
            assertEquals(cohort, rates.customersAtStart());
            assertEquals(lost, rates.customersLost());
            assertEquals(fresh, rates.newCustomers());
            if (cohort == 0) {
                assertEquals(Optional.empty(), retention.netRetention());
            } else {
                assertAgrees(100 * end / start, retention.netRetention());
                assertAgrees(100 * kept / start, retention.grossRetention());
            }
        });
    }

    @Test
    void segmentsOfTheCohortAddUpToTheWholeCohort() {
        RandomCases.check(33, random -> {
            List<List<MrrChange>> histories = randomHistories(random);
            int cut = random.nextInt(histories.size() + 1);
            RevenueRetention whole = RevenueRetention.over(Q1, histories);
            RevenueRetention parts = RevenueRetention.over(Q1, histories.subList(0, cut))
                    .plus(RevenueRetention.over(Q1, histories.subList(cut, histories.size())));
            assertEquals(whole.netRetention(), parts.netRetention());
            assertEquals(whole.grossRetention(), parts.grossRetention());
            assertEquals(whole.customers(), parts.customers());
            assertEquals(ChurnAndRetention.over(Q1, histories), ChurnAndRetention.over(Q1, histories.subList(0, cut))
                    .plus(ChurnAndRetention.over(Q1, histories.subList(cut, histories.size()))));
        });
    }

    private static List<List<MrrChange>> randomHistories(Random random) {
        int customers = random.nextInt(15);
        List<List<MrrChange>> histories = new ArrayList<>();
        for (int customer = 0; customer < customers; customer++) {
            int changes = random.nextInt(6);
            List<MrrChange> history = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                Instant at = DECEMBER.plus(Duration.ofDays(random.nextInt(150)));
                BigDecimal amount = random.nextInt(4) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(100_000), 2);
                history.add(new MrrChange(at, amount));
            }
            histories.add(history);
        }
        return histories;
    }
}
