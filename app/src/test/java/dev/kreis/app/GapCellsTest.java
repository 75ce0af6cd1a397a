package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.kpi.Funnel;
import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.kpi.persistence.CustomerDayQueries;
import dev.kreis.platform.kpi.persistence.GapCells;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import dev.kreis.platform.kpi.persistence.RollupRepository;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.JourneyPhase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The funnel from the gap cells (ADR 0009) answers exactly what grouping the period's rows per customer answers, for
 * periods of every length starting and ending on every day around dense random data — inside one 32-day block, across
 * blocks, on their edges, before and after the data — and goes on doing so as the fold refolds a day with a later
 * touchpoint, a merge moves a customer's days and a split moves them back; and the cells the fold kept are the cells
 * a rebuild from {@code kpi_customer_day} computes.
 */
@QuarkusTest
class GapCellsTest {
    private static final String[] PHASES = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" };

    @Inject
    CustomerDayQueries customerDays;
    @Inject
    KpiRollupQueries profileDays;
    @Inject
    GapCells gapCells;
    @Inject
    RollupRepository rollups;
    @Inject
    RollupFolder folder;
    @Inject
    Jdbc jdbc;

    @Test
    void theFunnelFromGapCellsEqualsTheScanForEveryPeriodAsTheFoldRefoldsMergesAndSplits() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LocalDate window = KpiData.freshWindow();
        String context = "seed " + seed + ", window " + window;
        List<UUID> customers = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID customer = customer(i % 4 == 3 ? "organisation" : "person");
            customers.add(customer);
            int touchpoints = 3 + random.nextInt(20);
            for (int n = 0; n < touchpoints; n++) {
                items.add(interaction(customer, PHASES[random.nextInt(PHASES.length)], "customer",
                        at(window.plusDays(random.nextInt(86)), random.nextInt(1440))));
            }
        }
        KpiData.ingest(items);
        folder.catchUp();
        assertTrue(gapCells.built(), "a new database starts with the cells built");
        assertEqualToTheScan(window, context + ", folded");

        UUID late = customers.get(5);
        KpiData.ingest(List.of(interaction(late, "advocacy", "customer", at(window.plusDays(40), 700)),
                interaction(late, "awareness", "customer", at(window.plusDays(87), 10))));
        folder.foldAfter(OffsetDateTime.now().minusMinutes(1));
        assertEqualToTheScan(window, context + ", a folded day refolded with a later touchpoint");

        UUID survivor = customers.get(0);
        UUID absorbed = customers.get(1);
        String absorbedProfile = Fixtures.customer(absorbed).getList("profiles.id", String.class).get(0);
        Fixtures.postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(absorbed))).then().statusCode(200);
        KpiData.ingest(List.of(interaction(survivor, "intent", "customer", at(window.plusDays(12), 600))));
        folder.foldAfter(OffsetDateTime.now().minusMinutes(1)); // the day before the merge is followed
        folder.catchUp();
        assertEqualToTheScan(window, context + ", after a merge");

        Fixtures.postJson("/api/v1/customers/" + survivor + "/split", Map.of("profileIds", List.of(absorbedProfile))).then().statusCode(200);
        folder.catchUp();
        assertEqualToTheScan(window, context + ", after the split");

        QuarkusTransaction.requiringNew().run(() -> {
            rollups.lock();
            List<String> kept = cells();
            gapCells.rebuild();
            assertEquals(kept, cells(), "the cells the fold kept are those a rebuild computes");
        });
    }

    @Test
    void aFoldOverMoreDaysThanTheRebuildLimitLeavesCellsThatAnswerLikeTheScan() {
        LocalDate window = KpiData.freshWindow();
        List<UUID> customers = List.of(customer(), customer("organisation"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int day = 0; day < 45; day++) { // more days than kreis.kpis.gap-cells-rebuild-days (31): set aside, rebuilt after
            items.add(interaction(customers.get(day % 2), PHASES[day % PHASES.length], "customer", at(window.plusDays(day * 2L), 30)));
        }
        KpiData.ingest(items);

        folder.foldWithOverlap();

        assertTrue(gapCells.built(), "rebuilt once the fold caught up");
        assertSameFunnels(new int[] { (int) window.toEpochDay() - 3, (int) window.plusDays(17).toEpochDay(),
                (int) window.plusDays(32).toEpochDay(), (int) window.plusDays(33).toEpochDay(), (int) window.plusDays(89).toEpochDay(),
                (int) window.plusDays(95).toEpochDay() }, "after a fold over 45 days");
        assertEquals(2L, customerDays.funnel(new KpiRollupQueries.Filter(0, 0, null, null, null),
                new int[] { (int) window.toEpochDay(), (int) window.plusDays(90).toEpochDay() }).get(0).reached().get(JourneyPhase.AWARENESS));
    }

    @Test
    void aDatabaseMigratedWithRowsAnswersFromTheRowsUntilTheNextFoldBuildsItsCells() {
        LocalDate window = KpiData.freshWindow();
        UUID customer = customer();
        KpiData.ingest(List.of(interaction(customer, "intent", "customer", at(window.plusDays(3), 60)),
                interaction(customer, "awareness", "customer", at(window.plusDays(40), 60))));
        folder.catchUp();
        List<String> kept = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> { // what migration V1_93 leaves on a database with rows
            rollups.lock();
            kept.addAll(cells());
            jdbc.update("delete from kpi_gap_cell");
            jdbc.update("update kpi_fold_state set gap_cells_built = ?", false);
        });
        int[] bounds = { (int) window.toEpochDay(), (int) window.plusDays(30).toEpochDay(), (int) window.plusDays(60).toEpochDay() };
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter(0, 0, null, null, null);
        assertEquals(profileDays.funnel(filter, bounds), customerDays.funnel(filter, bounds), "answered from the rows meanwhile");

        folder.foldWithOverlap();

        assertTrue(gapCells.built());
        assertEquals(kept, cells(), "the fold built the cells again");
        assertEquals(profileDays.funnel(filter, bounds), customerDays.funnel(filter, bounds));
        assertEquals(1L, customerDays.funnel(filter, bounds).get(0).reached().get(JourneyPhase.INTENT));
    }

    /** Every bucketing of the days around the data, with every step and several offsets, for all customers and for organisations. */
    private void assertEqualToTheScan(LocalDate window, String context) {
        int first = (int) window.toEpochDay() - 40;
        int last = (int) window.toEpochDay() + 130;
        for (int step : new int[] { 1, 2, 3, 5, 7, 13, 31, 32, 33, 45, 64, 100 }) {
            for (int offset = 0; offset < Math.min(step, 3); offset++) {
                List<Integer> bounds = new ArrayList<>();
                for (int day = first + offset; day <= last; day += step) {
                    bounds.add(day);
                }
                assertSameFunnels(bounds.stream().mapToInt(Integer::intValue).toArray(), context + ", step " + step + ", offset " + offset);
            }
        }
        assertSameFunnels(new int[] { first - 20_000, first + 50, last + 20_000 }, context + ", long periods");
    }

    private void assertSameFunnels(int[] bounds, String context) {
        for (String kind : new String[] { null, "organisation" }) {
            KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter(0, 0, null, null, kind);
            List<Funnel> expected = profileDays.funnel(filter, bounds);
            List<Funnel> actual = customerDays.funnel(filter, bounds);
            for (int b = 0; b < expected.size(); b++) {
                assertEquals(expected.get(b), actual.get(b), context + ", kind " + kind + ", bucket [" + bounds[b] + ", " + bounds[b + 1] + ")");
            }
            assertEquals(expected.size(), actual.size(), context);
        }
    }

    private List<String> cells() {
        return jdbc.query("select grain, lead, q, d, property, customer_kind, gaps from kpi_gap_cell order by grain, lead, q, d, property,"
                + " customer_kind", row -> row.getInt("grain") + "/" + row.getInt("lead") + "/" + row.getInt("q") + "/" + row.getInt("d") + "/"
                        + row.getInt("property") + "/" + row.getString("customer_kind") + "=" + row.getLong("gaps"));
    }
}
