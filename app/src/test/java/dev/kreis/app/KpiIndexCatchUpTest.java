package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.four;
import static dev.kreis.app.KpiData.revenue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.persistence.CustomerKpiIndex;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A change too large for a read to reread (here: any change) is taken into the in-memory customer
 * index on a background thread; reads meanwhile get the database's exact answer, never a stale or
 * half-reread one, and afterwards the index answers the same.
 */
@QuarkusTest
@TestProfile(KpiIndexCatchUpTest.EveryChangeInTheBackground.class)
class KpiIndexCatchUpTest {
    @Inject
    CustomerKpiIndex index;
    @Inject
    KpiRollupQueries sql;

    public static class EveryChangeInTheBackground implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kreis.kpis.memory-index-read-refresh-limit", "0");
        }
    }

    @Test
    void aLargeChangeIsRereadInTheBackgroundWhileReadsGetTheDatabasesExactAnswer() throws InterruptedException {
        if (!index.ready()) {
            index.load();
        }
        LocalDate window = KpiData.freshWindow();
        awaitCatchUp();
        UUID repeat = customer();
        UUID once = customer();
        KpiData.ingest(List.of(revenue(repeat, "revenue.order", BigDecimal.TEN, at(window, 60)),
                revenue(repeat, "revenue.order", BigDecimal.ONE, at(window.plusDays(3), 60)),
                revenue(once, "revenue.order", BigDecimal.TEN, at(window.plusDays(5), 60))));
        long before = index.backgroundCatchUps();

        assertEquals(four("50.0000"), KpiData.value("repurchase_rate", window, window.plusMonths(3)), "one of two buyers bought again");
        assertTrue(index.backgroundCatchUps() > before, "the read started a background catch-up instead of waiting for it");

        awaitCatchUp();
        int[] bounds = { (int) window.toEpochDay(), (int) window.plusMonths(3).toEpochDay() };
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter(0, 0, null, null, null);
        assertEquals(List.of(new Repurchase(2, 1)), sql.repurchase(filter, bounds));
        assertEquals(sql.repurchase(filter, bounds), index.repurchase(filter, bounds).orElseThrow(), "the index caught up");
    }

    private void awaitCatchUp() throws InterruptedException {
        for (int i = 0; i < 300 && index.catchingUp(); i++) {
            Thread.sleep(100);
        }
        assertFalse(index.catchingUp(), "a background catch-up ends");
    }
}
