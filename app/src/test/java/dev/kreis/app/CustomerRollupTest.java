package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.revenue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.kpi.persistence.CustomerDayQueries;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The per-customer rollup ({@code kpi_customer_day}, ADR 0008) follows the customers: the fold puts a
 * day's rows on the customer its profiles belong to, a merge moves them to the surviving customer and a
 * split moves them back, so a merged customer counts once and a split gives each side its own.
 */
@QuarkusTest
class CustomerRollupTest {
    @Inject
    CustomerDayQueries customerDays;
    @Inject
    KpiRollupQueries profileDays;
    @Inject
    RollupFolder folder;
    @Inject
    Jdbc jdbc;

    @Test
    void aMergedCustomerCountsOnceAndASplitGivesEachSideItsOrdersBack() {
        LocalDate window = KpiData.freshWindow();
        UUID first = customer();
        UUID second = customer();
        KpiData.ingest(List.of(revenue(first, "revenue.order", BigDecimal.TEN, at(window, 60)),
                revenue(second, "revenue.order", BigDecimal.ONE, at(window.plusDays(3), 60))));
        String secondProfile = Fixtures.customer(second).getList("profiles.id", String.class).get(0);
        int[] bounds = { (int) window.toEpochDay(), (int) window.plusMonths(3).toEpochDay() };
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter(0, 0, null, null, null);

        folder.catchUp();
        assertEquals(List.of(new Repurchase(2, 0)), customerDays.repurchase(filter, bounds), "two customers with one order each");

        Fixtures.postJson("/api/v1/customers/" + first + "/merge", Map.of("customerIds", List.of(second))).then().statusCode(200);
        folder.catchUp();
        assertEquals(List.of(new Repurchase(1, 1)), customerDays.repurchase(filter, bounds), "one customer with both orders");
        assertEquals(profileDays.repurchase(filter, bounds), customerDays.repurchase(filter, bounds));

        Fixtures.postJson("/api/v1/customers/" + first + "/split", Map.of("profileIds", List.of(secondProfile))).then().statusCode(200);
        folder.catchUp();
        assertEquals(List.of(new Repurchase(2, 0)), customerDays.repurchase(filter, bounds), "each side has its own order again");
        assertEquals(profileDays.repurchase(filter, bounds), customerDays.repurchase(filter, bounds));
    }

    @Test
    void aDayRefoldedAfterAMergeMovesTheMergedCustomersRowToTheSurvivor() {
        LocalDate day = KpiData.freshWindow().plusDays(5);
        UUID first = customer();
        UUID second = customer();
        UUID third = customer();
        KpiData.ingest(List.of(revenue(first, "revenue.order", BigDecimal.TEN, at(day, 60)),
                revenue(second, "revenue.order", BigDecimal.ONE, at(day, 70)),
                revenue(third, "revenue.order", BigDecimal.ONE, at(day, 80))));
        folder.catchUp();

        Fixtures.postJson("/api/v1/customers/" + first + "/merge", Map.of("customerIds", List.of(second))).then().statusCode(200);
        KpiData.ingest(List.of(revenue(first, "revenue.order", BigDecimal.ONE, at(day, 90))));
        folder.foldAfter(OffsetDateTime.now().minusMinutes(1)); // the day alone, before the merge is followed

        assertEquals(Map.of(first, 3L, third, 1L), orders(List.of(first, second, third), day),
                "the merged customer's row is gone from the day, the survivor has all three orders");
    }

    /** Orders per customer on the day, from {@code kpi_customer_day}. */
    private Map<UUID, Long> orders(List<UUID> customers, LocalDate day) {
        Map<UUID, Long> orders = new HashMap<>();
        jdbc.query("select customer_id, orders from kpi_customer_day where epoch_day = ? and customer_id in (?, ?, ?)",
                row -> orders.put(Jdbc.uuid(row, "customer_id"), row.getLong("orders")), (int) day.toEpochDay(), customers.get(0),
                customers.get(1), customers.get(2));
        return orders;
    }
}
