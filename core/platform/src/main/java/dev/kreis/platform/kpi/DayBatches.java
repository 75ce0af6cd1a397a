package dev.kreis.platform.kpi;

import java.util.List;

import org.jboss.logging.Logger;

/**
 * Refolds days in transactions of at most {@code kreis.kpis.fold-days-per-transaction} days, and fewer when
 * that many do not fit into one: a transaction that took the fold lock and then failed (typically the
 * transaction timeout, when a day holds many touchpoints) is tried again with half as many days, down to
 * one, and the rest of the days go in batches of that smaller size. Without it, a backlog whose batches each
 * take longer than the timeout is tried again and again and never folded (seen after loading 10 million
 * touchpoints into an empty database: every 31-day batch was cancelled at 60 s). A failure before the lock
 * was taken (waiting behind another node's fold) or on a single day is the caller's, as before.
 */
final class DayBatches {
    private static final Logger LOG = Logger.getLogger(DayBatches.class);

    /** One transaction over some days; calls {@code lockTaken} once it holds the fold lock. */
    @FunctionalInterface
    interface Transaction {
        void run(List<Integer> days, Runnable lockTaken);
    }

    private DayBatches() {
    }

    /** Runs {@code days} in order through {@code transaction}; answers the batch size it ended with. */
    static int run(List<Integer> days, int maxPerTransaction, Transaction transaction) {
        int size = Math.max(1, maxPerTransaction);
        int from = 0;
        while (from < days.size()) {
            List<Integer> batch = days.subList(from, Math.min(days.size(), from + size));
            boolean[] locked = { false };
            try {
                transaction.run(batch, () -> locked[0] = true);
                from += batch.size();
            } catch (RuntimeException e) {
                if (!locked[0] || batch.size() == 1) {
                    throw e;
                }
                size = batch.size() / 2;
                LOG.warnf("KPI fold: %d days did not fit into one transaction (%s); folding %d days per transaction from here",
                        batch.size(), e.getMessage(), size);
            }
        }
        return size;
    }
}
