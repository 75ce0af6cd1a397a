package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.RevenueRetention;
import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.kpi.persistence.CustomerDayQueries;
import dev.kreis.platform.kpi.persistence.GapCells;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import dev.kreis.platform.kpi.persistence.RollupRepository;
import dev.kreis.platform.kpi.persistence.TailSums;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Peak-end, the repurchase rate and the revenue-retention cohort of a period reaching past the data, from the tail
 * sums (ADR 0010), answer exactly what grouping the rows per customer answers, for a period starting on every day
 * around dense random data — scores whose peaks rise and fall, several orders a day, subscriptions started, changed
 * and cancelled, several rows a customer-day — and go on doing so as the fold refolds days with later touchpoints, a
 * merge moves a customer's days and a split moves them back; and the sums the fold kept are those a rebuild computes.
 * A period ending inside the data answers the same, the sums corrected by the customers with rows on or after its end.
 */
@QuarkusTest
class TailSumsTest {
    private static final String[] PHASES = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" };
    /** An end after every day any test writes: the periods of this test reach past the data. */
    private static final int PAST_THE_DATA = (int) LocalDate.of(9000, 1, 1).toEpochDay();

    @Inject
    CustomerDayQueries customerDays;
    @Inject
    KpiRollupQueries profileDays;
    @Inject
    GapCells gapCells;
    @Inject
    TailSums tailSums;
    @Inject
    RollupRepository rollups;
    @Inject
    RollupFolder folder;
    @Inject
    Jdbc jdbc;

    @Test
    void periodsReachingPastTheDataAnswerFromTheTailSumsLikeTheScanAsTheFoldRefoldsMergesAndSplits() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LocalDate window = KpiData.freshWindow();
        String context = "seed " + seed + ", window " + window;
        List<UUID> customers = ingestRandomCustomers(random, window, 24);
        folder.catchUp();
        assertTrue(gapCells.built(), "a new database starts with the sums built");
        assertEqualToTheScan(window, context + ", folded");

        UUID late = customers.get(5);
        KpiData.ingest(List.of(KpiData.scored(late, "feedback.nps", 0, at(window.plusDays(20), 700)),
                KpiData.revenue(late, "revenue.order", new BigDecimal("12.00"), at(window.plusDays(61), 10)),
                KpiData.revenue(late, "revenue.order", new BigDecimal("13.00"), at(window.plusDays(61), 20)),
                KpiData.revenue(late, "revenue.subscription_changed", new BigDecimal("77"), at(window.plusDays(30), 30)),
                KpiData.scored(customers.get(6), "feedback.nps", 10, at(window.plusDays(62), 5))));
        folder.foldAfter(OffsetDateTime.now().minusMinutes(1));
        assertEqualToTheScan(window, context + ", folded days refolded with later touchpoints");

        UUID survivor = customers.get(0);
        UUID absorbed = customers.get(1);
        String absorbedProfile = Fixtures.customer(absorbed).getList("profiles.id", String.class).get(0);
        Fixtures.postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(absorbed))).then().statusCode(200);
        KpiData.ingest(List.of(KpiData.revenue(survivor, "revenue.subscription_cancelled", BigDecimal.ZERO, at(window.plusDays(12), 600))));
        folder.foldAfter(OffsetDateTime.now().minusMinutes(1)); // the day before the merge is followed
        folder.catchUp();
        assertEqualToTheScan(window, context + ", after a merge");

        Fixtures.postJson("/api/v1/customers/" + survivor + "/split", Map.of("profileIds", List.of(absorbedProfile))).then().statusCode(200);
        folder.catchUp();
        assertEqualToTheScan(window, context + ", after the split");

        QuarkusTransaction.requiringNew().run(() -> {
            rollups.lock();
            List<String> kept = sums();
            gapCells.rebuild();
            assertEquals(kept, sums(), "the sums the fold kept are those a rebuild computes");
        });
    }

    @Test
    void aPeriodEndingInsideTheDataIsCorrectedByTheCustomersWithLaterRowsOrLeftToTheScanWhenTheyAreTooMany() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LocalDate window = KpiData.freshWindow();
        String context = "seed " + seed + ", window " + window;
        ingestRandomCustomers(random, window, 12);
        folder.catchUp();
        for (int end : new int[] { 20, 45, 61 }) {
            int b = (int) window.plusDays(end).toEpochDay();
            assertTrue(tailSums.sums(b - 1, b, null, 0).isEmpty(), "customers with later rows, more than the limit: the scan answers");
            for (int start : new int[] { -3, 7, 30, 44 }) {
                int a = (int) window.plusDays(start).toEpochDay();
                if (a >= b) {
                    continue;
                }
                for (String kind : new String[] { null, "organisation" }) {
                    TailSums.Sums sums = tailSums.sums(a, b, kind, Integer.MAX_VALUE - 1).orElseThrow();
                    assertSame(new int[] { a, b }, kind, sums.repurchase(), sums.peakEnd(), sums.mrrCohort(), context + ", corrected");
                }
            }
        }
    }

    @Test
    void aShortPeriodInsideTheDataAndASeriesAnswerLikeTheScan() {
        LocalDate window = KpiData.freshWindow();
        UUID customer = customer();
        KpiData.ingest(List.of(KpiData.scored(customer, "feedback.nps", 9, at(window.plusDays(3), 60)),
                KpiData.scored(customer, "feedback.nps", 2, at(window.plusDays(40), 60))));
        folder.catchUp();
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter(0, 0, null, null, null);
        int[] endingBefore = { (int) window.toEpochDay(), (int) window.plusDays(10).toEpochDay() };
        int[] series = { (int) window.toEpochDay(), (int) window.plusDays(10).toEpochDay(), PAST_THE_DATA };

        assertEquals(profileDays.peakEnd(filter, endingBefore), customerDays.peakEnd(filter, endingBefore));
        assertEquals(1L, customerDays.peakEnd(filter, endingBefore).get(0).customers());
        assertEquals(profileDays.peakEnd(filter, series), customerDays.peakEnd(filter, series));
        assertEquals(profileDays.repurchase(filter, series), customerDays.repurchase(filter, series));
    }

    /** {@code count} customers (every fourth an organisation) with random scores, orders, subscription changes and interactions over 60 days, every subscription cancelled on day 88. */
    private static List<UUID> ingestRandomCustomers(Random random, LocalDate window, int count) {
        List<UUID> customers = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID customer = customer(i % 4 == 3 ? "organisation" : "person");
            customers.add(customer);
            BigDecimal mrr = BigDecimal.ZERO;
            int touchpoints = 4 + random.nextInt(16);
            for (int n = 0; n < touchpoints; n++) {
                String occurredAt = at(window.plusDays(random.nextInt(60)), random.nextInt(1440));
                switch (random.nextInt(5)) {
                    case 0 -> items.add(KpiData.scored(customer, "feedback.nps", random.nextInt(11), occurredAt));
                    case 1 -> items.add(KpiData.scored(customer, "feedback.csat", 1 + random.nextInt(5), occurredAt));
                    case 2 -> items.add(KpiData.revenue(customer, "revenue.order", BigDecimal.valueOf(random.nextInt(20_000), 2), occurredAt));
                    case 3 -> {
                        boolean cancel = mrr.signum() > 0 && random.nextInt(3) == 0;
                        mrr = cancel ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(500));
                        items.add(KpiData.revenue(customer, cancel ? "revenue.subscription_cancelled"
                                : random.nextBoolean() ? "revenue.subscription_started" : "revenue.subscription_changed", mrr, occurredAt));
                    }
                    default -> items.add(KpiData.interaction(customer, PHASES[random.nextInt(PHASES.length)], "customer", occurredAt));
                }
            }
        }
        // every subscription ends on day 88: a customer left paying would be in the cohort of every later quarter of other tests
        items.addAll(KpiData.cancellations(customers, window.plusDays(88)));
        KpiData.ingest(items);
        return customers;
    }

    /** A period from every day around the data to past it, for all customers and for organisations. */
    private void assertEqualToTheScan(LocalDate window, String context) {
        int first = (int) window.toEpochDay() - 3;
        int last = (int) window.toEpochDay() + 66;
        assertTrue(gapCells.built() && jdbc.queryOne("select max(epoch_day) as m from kpi_customer_day", row -> row.getInt("m")).orElseThrow()
                < PAST_THE_DATA, "the periods reach past the data: the tail sums answer them");
        for (int a = first; a <= last; a++) {
            assertSameAnswers(a, null, context);
            if ((a - first) % 3 == 0) {
                assertSameAnswers(a, "organisation", context);
            }
        }
    }

    private void assertSameAnswers(int a, String kind, String context) {
        int[] bounds = { a, PAST_THE_DATA };
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter(0, 0, null, null, kind);
        assertSame(bounds, kind, customerDays.repurchase(filter, bounds).get(0), customerDays.peakEnd(filter, bounds).get(0),
                customerDays.mrrCohort(filter, bounds).get(0), context);
    }

    /** What grouping the rows per customer answers for the period {@code bounds}. */
    private void assertSame(int[] bounds, String kind, Repurchase repurchase, KpiRollupQueries.PeakEndSum peakEnd,
            KpiRollupQueries.MrrCohort cohort, String context) {
        String where = context + ", kind " + kind + ", [" + bounds[0] + ", " + bounds[1] + ")";
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter(0, 0, null, null, kind);
        assertEquals(profileDays.repurchase(filter, bounds).get(0), repurchase, "repurchase " + where);
        KpiRollupQueries.PeakEndSum expected = profileDays.peakEnd(filter, bounds).get(0);
        assertEquals(expected.customers(), peakEnd.customers(), "peak-end customers " + where);
        assertEquals(0, expected.thirtiethsSum().compareTo(peakEnd.thirtiethsSum()), "peak-end " + expected + " vs " + peakEnd + ", " + where);
        KpiRollupQueries.MrrCohort expectedCohort = profileDays.mrrCohort(filter, bounds).get(0);
        assertEquals(expectedCohort.churn(), cohort.churn(), "churn " + where);
        assertEquals(amounts(expectedCohort.retention()), amounts(cohort.retention()), "revenue retention " + where);
    }

    private static List<Object> amounts(RevenueRetention retention) {
        return List.of(retention.customers(), retention.startMrr().stripTrailingZeros(), retention.expansion().stripTrailingZeros(),
                retention.contraction().stripTrailingZeros(), retention.churned().stripTrailingZeros());
    }

    private List<String> sums() {
        return jdbc.query("select property, customer_kind, epoch_day, customers, amount from kpi_tail_delta order by property, customer_kind,"
                + " epoch_day", row -> row.getInt("property") + "/" + row.getString("customer_kind") + "/" + row.getInt("epoch_day") + "="
                        + row.getLong("customers") + "/" + row.getBigDecimal("amount").stripTrailingZeros().toPlainString());
    }
}
