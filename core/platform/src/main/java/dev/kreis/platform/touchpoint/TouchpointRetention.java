package dev.kreis.platform.touchpoint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.touchpoint.persistence.TouchpointPartitions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The monthly touchpoint partitions on PostgreSQL over time: creates them ahead of time
 * ({@code kreis.touchpoints.partitions-ahead}) and, with {@code kreis.touchpoints.retention-months} set,
 * drops whole months that ended before the retention — after the KPI fold has counted them, so the
 * rollups keep their history. Runs at start and every {@code kreis.touchpoints.partition-check-interval};
 * safe on several nodes (partition changes take an advisory lock, dropping is idempotent). On H2 it does
 * nothing: there touchpoints stay in one table and are kept.
 */
@ApplicationScoped
public class TouchpointRetention {
    private static final Logger LOG = Logger.getLogger(TouchpointRetention.class);

    private final TouchpointPartitions partitions;
    private final RollupFolder folder;
    private final TouchpointConfig config;
    private final Clock clock;
    private ScheduledExecutorService job;

    TouchpointRetention(TouchpointPartitions partitions, RollupFolder folder, TouchpointConfig config, Clock clock) {
        this.partitions = partitions;
        this.folder = folder;
        this.config = config;
        this.clock = clock;
    }

    /** The start of the oldest month kept: the current UTC month minus {@code retentionMonths} whole months. */
    public static OffsetDateTime oldestKept(OffsetDateTime now, int retentionMonths) {
        return TouchpointPartitions.start(TouchpointPartitions.month(now).minusMonths(retentionMonths));
    }

    void start(@Observes StartupEvent event) {
        if (!partitions.partitioned()) {
            if (config.retentionMonths() > 0) {
                LOG.warn("kreis.touchpoints.retention-months applies on PostgreSQL only; on H2 every touchpoint is kept");
            }
            return;
        }
        long interval = config.partitionCheckInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        job = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-touchpoint-partitions");
            thread.setDaemon(true);
            return thread;
        });
        job.scheduleWithFixedDelay(this::scheduled, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.shutdownNow();
        }
    }

    private void scheduled() {
        try {
            createAhead();
            if (config.retentionMonths() > 0) {
                applyRetention(config.retentionMonths());
            }
        } catch (RuntimeException e) {
            LOG.warn("Touchpoint partition maintenance failed; the next run tries again", e);
        }
    }

    /** Creates the partitions of the previous, the current and the next {@code partitions-ahead} months. */
    public void createAhead() {
        YearMonth current = TouchpointPartitions.month(OffsetDateTime.now(clock));
        List<YearMonth> months = new ArrayList<>();
        for (int k = -1; k <= config.partitionsAhead(); k++) {
            months.add(current.plusMonths(k));
        }
        partitions.ensureMonths(months);
    }

    /** What one retention pass did: the months dropped and the touchpoints they held. */
    public record Dropped(List<YearMonth> months, long touchpoints) {
    }

    /**
     * Drops the partitions of the months before {@link #oldestKept} for the given retention. The KPI
     * fold runs first; a month holding a touchpoint received after the fold's watermark is kept for the
     * next pass rather than dropped uncounted.
     */
    public Dropped applyRetention(int retentionMonths) {
        if (!partitions.partitioned() || retentionMonths <= 0) {
            return new Dropped(List.of(), 0);
        }
        YearMonth oldest = TouchpointPartitions.month(oldestKept(OffsetDateTime.now(clock), retentionMonths));
        List<YearMonth> due = partitions.months().stream().filter(m -> m.isBefore(oldest)).toList();
        if (due.isEmpty()) {
            return new Dropped(List.of(), 0);
        }
        folder.foldWithOverlap();
        OffsetDateTime watermark = folder.watermark();
        List<YearMonth> dropped = new ArrayList<>();
        long rows = 0;
        for (YearMonth month : due) {
            OffsetDateTime received = partitions.latestReceived(month);
            if (received != null && received.isAfter(watermark)) {
                LOG.infof("Touchpoint partition %s is kept until the KPI fold has counted it", TouchpointPartitions.name(month));
                continue;
            }
            long n = partitions.drop(month);
            rows += n;
            dropped.add(month);
            LOG.infof("Dropped touchpoint partition %s (%d touchpoints) under kreis.touchpoints.retention-months = %d",
                    TouchpointPartitions.name(month), n, retentionMonths);
        }
        return new Dropped(dropped, rows);
    }
}
