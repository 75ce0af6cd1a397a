package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.scored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * On an instance started a moment ago on an empty database, with the production settings of read
 * folding (the suite overrides none of them), the first KPI read after a batch ingest spread over several weeks already counts it: it does
 * not wait for the fold job.
 */
@QuarkusTest
@TestProfile(KpiFreshStartTest.FreshInstance.class)
class KpiFreshStartTest {

    public static class FreshInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.h2.jdbc.url",
                    "jdbc:h2:mem:kreis-fresh-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void theFirstReadAfterABatchIngestOnAFreshInstanceCountsTheBatch() {
        LocalDate window = KpiData.freshWindow();
        UUID customer = customer();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int day = 0; day < 40; day++) {
            items.add(scored(customer, "feedback.nps", day % 2 == 0 ? 10 : 0, at(window.plusDays(day), 600)));
        }
        KpiData.ingest(items);

        JsonPath nps = KpiData.kpi("nps", window, window.plusMonths(2));
        assertEquals(40, nps.getInt("sampleSize"));
        assertEquals(0, BigDecimal.ZERO.compareTo(nps.getObject("value", BigDecimal.class)), "half promoters, half detractors");
    }
}
