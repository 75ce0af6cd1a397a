package dev.kreis.platform.kpi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.kreis.platform.kpi.persistence.CustomerDayRepository;
import dev.kreis.platform.kpi.persistence.GapCells;
import dev.kreis.platform.kpi.persistence.RollupRepository;
import dev.kreis.platform.storage.StorageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the KPI rollups current (ADR 0004). Every {@code kreis.kpis.fold-interval} it finds the UTC
 * days that received touchpoints since the watermark (minus the overlap) and recomputes those days'
 * rollups from the touchpoints, then recomputes the per-customer rollup of customers that merges and
 * splits changed (ADR 0008); KPI reads call {@link #catchUp()} to fold a small backlog first.
 *
 * <p>Safe on several nodes: each batch of days is refolded in a transaction holding the lock on the
 * single {@code kpi_fold_state} row, and refolding a day is idempotent, so two nodes folding the same
 * day one after the other store the same rows.
 */
@ApplicationScoped
public class RollupFolder {
    private static final Logger LOG = Logger.getLogger(RollupFolder.class);

    private final RollupRepository rollups;
    private final CustomerDayRepository customerDays;
    private final GapCells gapCells;
    private final KpiConfig config;
    private final Clock clock;
    private ScheduledExecutorService job;

    RollupFolder(RollupRepository rollups, CustomerDayRepository customerDays, GapCells gapCells, KpiConfig config, Clock clock) {
        this.rollups = rollups;
        this.customerDays = customerDays;
        this.gapCells = gapCells;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        long interval = config.foldInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        job = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-kpi-fold");
            thread.setDaemon(true);
            return thread;
        });
        job.scheduleWithFixedDelay(this::scheduledFold, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.shutdownNow();
        }
    }

    private void scheduledFold() {
        try {
            foldWithOverlap();
        } catch (RuntimeException e) {
            LOG.warn("KPI fold failed; the next run retries from the same watermark", e);
        }
    }

    /**
     * What the job does: folds everything received since the watermark minus the overlap — or since the
     * settled point, when that is later — then re-points the per-customer rollup after merges and splits,
     * also looking back the overlap. A fold that looks at time T sees every touchpoint received up to T minus
     * the overlap, so once it completes that point is settled: when ingest pauses, the job stops re-reading the
     * last minutes of touchpoints (and re-checking their days) every run. Answers the days looked at.
     */
    public int foldWithOverlap() {
        buildGapCells();
        RollupRepository.FoldState state = rollups.state();
        OffsetDateTime lookedAt = OffsetDateTime.now(clock);
        OffsetDateTime after = state.watermark().minus(config.foldOverlap());
        if (state.settledUntil() != null && state.settledUntil().isAfter(after)) {
            after = state.settledUntil();
        }
        int days = fold(rollups.daysReceivedAfter(after), lookedAt.minus(config.foldOverlap()), true, false);
        followIdentityChanges(true);
        buildGapCells();
        return days;
    }

    /**
     * Builds the funnel's gap cells (ADR 0009) from {@code kpi_customer_day} if they are not built (a database
     * migrated with rows already in it, or after a fold over many days), holding the fold lock; until then the funnel
     * groups rows as before.
     */
    void buildGapCells() {
        if (gapCells.built()) {
            return;
        }
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            rollups.lock();
            if (!gapCells.built()) {
                long started = System.nanoTime();
                gapCells.rebuild();
                LOG.infof("Built the funnel's gap cells from kpi_customer_day in %d ms", (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    /**
     * Recomputes the per-customer rollup ({@code kpi_customer_day}, ADR 0008) of the customers that merges
     * and splits moved profiles between since the last time (minus the fold overlap, for merges whose
     * transaction committed after a later one was followed), in a transaction holding the fold lock. Merges
     * and splits of that window already followed are remembered ({@code kpi_identity_followed}), so looking
     * again recomputes only what it had not seen and bumps the generation only then. Without {@code lookBack}
     * it costs one index probe unless a merge or split happened since; with it (the job) it always looks again
     * over the overlap. Answers the customers recomputed.
     */
    public int followIdentityChanges(boolean lookBack) {
        OffsetDateTime latest = rollups.latestIdentityChange();
        if (latest == null) {
            return 0;
        }
        OffsetDateTime followed = customerDays.followedUntil();
        OffsetDateTime since = followed.minus(config.foldOverlap());
        if (!latest.isAfter(lookBack ? since : followed)) {
            return 0;
        }
        int[] recomputed = { 0 };
        QuarkusTransaction.requiringNew().run(() -> {
            lock(!lookBack);
            CustomerDayRepository.Unfollowed unfollowed = customerDays.unfollowedAfter(since);
            if (!unfollowed.customers().isEmpty()) {
                customerDays.refoldCustomers(unfollowed.customers());
                rollups.bumpGeneration();
            }
            customerDays.markFollowed(unfollowed.events(), since);
            customerDays.followed(latest);
            recomputed[0] = unfollowed.customers().size();
        });
        return recomputed[0];
    }

    /**
     * Folds what arrived after the watermark if refolding it re-reads at most {@code kreis.kpis.read-fold-limit}
     * touchpoints (the new ones and those already folded on their days) on at most {@code kreis.kpis.read-fold-days}
     * days, so a KPI read right after an ingest sees it — the first read on a fresh instance as much as any later
     * one. Costs one index probe when nothing is new. A failure (e.g. a lock timeout behind the job) does not fail
     * the read. Answers whether the rollups are now current (as far as this node can tell).
     */
    public boolean catchUp() {
        try {
            followIdentityChanges(false);
        } catch (StorageException e) {
            LOG.warn("A KPI read could not follow the newest merges and splits; it answers from the rollups as they are", e);
        }
        OffsetDateTime watermark = rollups.state().watermark();
        int pending = rollups.receivedAfter(watermark, config.readFoldLimit());
        if (pending == 0) {
            return true;
        }
        if (pending > config.readFoldLimit()) {
            return false;
        }
        Map<Integer, OffsetDateTime> days = rollups.daysReceivedAfter(watermark);
        if (days.size() > config.readFoldDays() || pending + rollups.foldedOn(days.keySet()) > config.readFoldLimit()) {
            return false;
        }
        try {
            fold(days, null, false, true);
            return true;
        } catch (StorageException e) {
            LOG.warn("A KPI read could not fold the newest touchpoints; it answers from the rollups as they are", e);
            return false;
        }
    }

    /**
     * Refolds the given UTC days now, whatever their state: after touchpoints were deleted (a module's data
     * purged), whose days the received-at watermark does not point to.
     */
    public void refold(java.util.Collection<Integer> days) {
        List<Integer> pending = days.stream().distinct().sorted().toList();
        DayBatches.run(pending, config.foldDaysPerTransaction(), (batch, lockTaken) -> QuarkusTransaction.requiringNew().run(() -> {
            rollups.lock();
            lockTaken.run();
            batch.forEach(rollups::refold);
            rollups.bumpGeneration();
        }));
    }

    /** The latest received_at the rollups have counted (the fold's watermark). */
    public OffsetDateTime watermark() {
        return rollups.state().watermark();
    }

    /** The version cached KPI answers are valid for: the fold generation and the latest merge or split. */
    public KpiResultCache.Version version() {
        return new KpiResultCache.Version(rollups.state().generation(), rollups.latestIdentityChange());
    }

    /**
     * Refolds every day that received a touchpoint after {@code after} and whose rollup does not yet
     * count all its touchpoints; answers the number of days looked at.
     */
    public int foldAfter(OffsetDateTime after) {
        return fold(rollups.daysReceivedAfter(after), null, false, false);
    }

    /**
     * Refolds the days that are not current; {@code settled}: what the completed fold settles, if anything. With
     * {@code mayRebuild} (the job), once {@code kreis.kpis.gap-cells-rebuild-days} days or more needed refolding, the
     * rest are refolded without keeping the funnel's gap cells, which {@link #buildGapCells()} then rebuilds. With
     * {@code reading} (a KPI read's own fold) it waits only briefly for the fold lock.
     */
    private int fold(Map<Integer, OffsetDateTime> days, OffsetDateTime settled, boolean mayRebuild, boolean reading) {
        if (days.isEmpty()) {
            return 0;
        }
        List<Integer> pending = new ArrayList<>(days.keySet());
        int[] refolded = { 0 };
        DayBatches.run(pending, config.foldDaysPerTransaction(), (batch, lockTaken) -> QuarkusTransaction.requiringNew().run(() -> {
            lock(reading);
            lockTaken.run();
            List<Integer> changed = batch.stream().filter(day -> !rollups.isCurrent(day)).toList();
            if (mayRebuild && refolded[0] + changed.size() >= config.gapCellsRebuildDays() && gapCells.built()) {
                gapCells.setAside();
                LOG.infof("Refolding %d days or more: the funnel's gap cells are rebuilt once the fold has caught up",
                        config.gapCellsRebuildDays());
            }
            changed.forEach(rollups::refold);
            if (!changed.isEmpty()) {
                rollups.bumpGeneration();
            }
            refolded[0] += changed.size();
        }));
        OffsetDateTime latest = days.values().stream().max(OffsetDateTime::compareTo).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> {
            lock(reading);
            rollups.completed(latest, settled, OffsetDateTime.now(clock));
        });
        return pending.size();
    }

    /** Takes the fold lock; for a KPI read's own fold ({@code reading}) waiting only briefly. */
    private void lock(boolean reading) {
        if (reading) {
            rollups.lockForRead();
        } else {
            rollups.lock();
        }
    }
}
