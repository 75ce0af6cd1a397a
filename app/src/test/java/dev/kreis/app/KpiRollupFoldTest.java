package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.four;
import static dev.kreis.app.KpiData.scored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.identity.persistence.IdentityEventRepository;
import dev.kreis.platform.kpi.KpiConfig;
import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.kpi.persistence.RollupRepository;
import dev.kreis.platform.kpi.persistence.RollupRepository.FoldState;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The fold job, triggered synchronously: refolding is idempotent, so the job, reads and replays never count twice. */
@QuarkusTest
class KpiRollupFoldTest {
    @Inject
    RollupFolder folder;

    @Inject
    RollupRepository rollups;

    @Inject
    KpiConfig config;

    @Inject
    Jdbc jdbc;

    @Inject
    IdentityEventRepository identityEvents;

    @Test
    void aKpiReadBehindAFoldHoldingTheLockAnswersFromTheRollupsAsTheyAreInsteadOfWaiting() throws Exception {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        KpiData.ingest(List.of(scored(anna, "feedback.nps", 10, at(window, 1))));
        assertTrue(folder.catchUp());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread fold = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> { // a long fold, or a rebuild of the gap cells
            rollups.lock();
            held.countDown();
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        fold.start();
        try {
            assertTrue(held.await(30, TimeUnit.SECONDS));
            KpiData.ingest(List.of(scored(anna, "feedback.nps", 0, at(window, 2))));

            boolean current = folder.catchUp();
            long stillHeld = release.getCount();
            JsonPath nps = KpiData.kpi("nps", window, window.plusMonths(1));

            assertEquals(false, current, "the read could not fold");
            assertEquals(1, stillHeld, "it gave up while the fold still held the lock");
            assertEquals(1, nps.getInt("sampleSize"), "answered from the rollups as they were");
        } finally {
            release.countDown();
            fold.join(30_000);
        }
        assertTrue(folder.catchUp());
        assertEquals(2, KpiData.kpi("nps", window, window.plusMonths(1)).getInt("sampleSize"), "folded once the lock was free");
    }

    @Test
    void foldingAgainAndAgainNeverCountsATouchpointTwice() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        KpiData.ingest(List.of(scored(anna, "feedback.nps", 10, at(window, 1)), scored(anna, "feedback.nps", 0, at(window, 2)),
                scored(anna, "feedback.nps", 9, at(window.plusDays(1), 2))));

        folder.foldWithOverlap();
        folder.foldWithOverlap();
        assertTrue(folder.catchUp());
        assertEquals(four("33.3333"), KpiData.value("nps", window, window.plusMonths(1)));
        assertEquals(3, KpiData.kpi("nps", window, window.plusMonths(1)).getInt("sampleSize"));

        assertTrue(folder.foldAfter(OffsetDateTime.parse("1970-01-01T00:00:00Z")) >= 2, "a full refold from the beginning");
        assertEquals(3, KpiData.kpi("nps", window, window.plusMonths(1)).getInt("sampleSize"));
    }

    @Test
    void theJobFoldsWhatArrivedSoAReadFindsNothingLeftToDo() {
        LocalDate window = KpiData.freshWindow();
        KpiData.ingest(List.of(scored(customer(), "feedback.csat", 5, at(window, 1))));

        assertTrue(folder.foldWithOverlap() >= 1, "the new touchpoint's day is refolded");
        assertEquals(0, folder.foldAfter(OffsetDateTime.now().plusMinutes(1)), "nothing arrived after now");
        assertEquals(four("100"), KpiData.value("csat", window, window.plusDays(1)));
    }

    @Test
    void aCompletedFoldSettlesWhatItLookedAtMinusTheOverlap() {
        LocalDate window = KpiData.freshWindow();
        KpiData.ingest(List.of(scored(customer(), "feedback.csat", 4, at(window, 1))));
        OffsetDateTime before = OffsetDateTime.now();

        assertTrue(folder.foldWithOverlap() >= 1, "the new touchpoint's day is looked at");

        OffsetDateTime settled = rollups.state().settledUntil();
        OffsetDateTime after = OffsetDateTime.now();
        assertTrue(settled != null && !settled.isBefore(before.minus(config.foldOverlap()))
                && !settled.isAfter(after.minus(config.foldOverlap())), "settled until " + settled + ", looked between " + before + " and " + after);
        assertTrue(settled.isBefore(rollups.state().watermark()), "the newest touchpoints stay within the next look");
    }

    @Test
    void aTouchpointCommittedLateWithinTheOverlapIsStillFoldedByTheJob() {
        LocalDate window = KpiData.freshWindow();
        KpiData.ingest(List.of(scored(customer(), "feedback.nps", 10, at(window, 1))));
        folder.foldWithOverlap();
        OffsetDateTime watermark = rollups.state().watermark();

        // A touchpoint whose transaction began half a minute before the newest folded one and committed after that fold.
        Map<String, Object> late = scored(customer(), "feedback.nps", 0, at(window.plusDays(10), 1));
        KpiData.ingest(List.of(late));
        jdbc.update("update touchpoint set received_at = ? where source = ? and external_id = ?", watermark.minusSeconds(30),
                KpiData.SOURCE, late.get("externalId"));
        folder.foldWithOverlap();

        assertEquals(2, KpiData.kpi("nps", window, window.plusMonths(1)).getInt("sampleSize"));
        assertEquals(four("0"), KpiData.value("nps", window, window.plusMonths(1)));
    }

    @Test
    void recordingACompletedFoldNeitherBumpsTheGenerationNorMovesTheSettledPointBack() {
        QuarkusTransaction.begin();
        try {
            FoldState locked = rollups.lock();
            OffsetDateTime settled = OffsetDateTime.now().minus(config.foldOverlap()).truncatedTo(ChronoUnit.MILLIS);
            rollups.completed(locked.watermark(), settled, OffsetDateTime.now());
            FoldState recorded = rollups.state();
            assertEquals(locked.generation(), recorded.generation(), "no rollup changed, so cached answers stay valid");
            assertEquals(locked.watermark(), recorded.watermark());
            assertEquals(laterOf(locked.settledUntil(), settled).toInstant(), recorded.settledUntil().toInstant());

            rollups.completed(locked.watermark(), settled.minusHours(1), OffsetDateTime.now());
            assertEquals(recorded.settledUntil().toInstant(), rollups.state().settledUntil().toInstant(), "never back");
        } finally {
            QuarkusTransaction.rollback(); // the shared fold state stays as the job left it
        }
    }

    @Test
    void aMergeIsFollowedOnceNotAgainOnEveryLookOverTheOverlap() {
        LocalDate window = KpiData.freshWindow();
        UUID survivor = customer();
        UUID absorbed = customer();
        KpiData.ingest(List.of(scored(survivor, "feedback.nps", 10, at(window, 1)), scored(absorbed, "feedback.nps", 0, at(window, 2))));
        folder.foldWithOverlap();

        Fixtures.postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(absorbed))).then().statusCode(200);
        folder.followIdentityChanges(true); // this call or the job follows the merge: both customers' rows recomputed

        assertEquals(0, folder.followIdentityChanges(true), "looking again over the overlap recomputes nobody");
        assertEquals(0, folder.followIdentityChanges(true), "nor on the next look");
        assertEquals(List.of(survivor), customersOfDay(window), "the merged customer's rows are re-pointed");
    }

    @Test
    void aMergeCommittedLateWithinTheOverlapIsStillFollowed() {
        LocalDate window = KpiData.freshWindow();
        UUID survivor = customer();
        UUID absorbed = customer();
        KpiData.ingest(List.of(scored(survivor, "feedback.csat", 5, at(window, 1)), scored(absorbed, "feedback.csat", 1, at(window, 2))));
        folder.foldWithOverlap();
        Fixtures.postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(customer()))).then().statusCode(200);
        folder.followIdentityChanges(true);
        OffsetDateTime followed = jdbc.queryOne("select customers_at from kpi_fold_state where id = 'touchpoints'",
                row -> Jdbc.time(row, "customers_at")).orElseThrow();

        // A merge whose transaction began half a minute before the newest followed one and committed after it was followed.
        UUID profile = jdbc.queryOne("select id from profile where customer_id = ?", row -> Jdbc.uuid(row, "id"), absorbed).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> {
            identityEvents.record("merge", survivor, "test", null, followed.minusSeconds(30), Map.of(profile, absorbed), survivor);
            jdbc.update("update profile set customer_id = ? where id = ?", survivor, profile);
        });
        folder.followIdentityChanges(true); // unless the job did it first

        assertEquals(List.of(survivor), customersOfDay(window), "the late merge's customers are recomputed");
    }

    /** The customers with a per-customer rollup row on the day. */
    private List<UUID> customersOfDay(LocalDate day) {
        return jdbc.query("select distinct customer_id from kpi_customer_day where epoch_day = ?", row -> Jdbc.uuid(row, "customer_id"),
                (int) day.toEpochDay());
    }

    private static OffsetDateTime laterOf(OffsetDateTime a, OffsetDateTime b) {
        return a == null || a.isBefore(b) ? b : a;
    }
}
