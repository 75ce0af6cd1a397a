package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;

import dev.kreis.spi.kpi.Period;

/**
 * A customer's MRR at the start and at the end of a period, from their MRR changes: start is the MRR
 * after the last change before the period starts, end the MRR after the last change before it ends,
 * 0 without such a change. Changes at the same instant apply in the order given.
 *
 * @param start MRR at the start, 0 or more
 * @param end   MRR at the end, 0 or more
 */
record MrrPosition(BigDecimal start, BigDecimal end) {

    static MrrPosition of(Period period, Collection<MrrChange> history) {
        BigDecimal start = BigDecimal.ZERO;
        BigDecimal end = BigDecimal.ZERO;
        for (MrrChange change : history.stream().sorted(Comparator.comparing(MrrChange::occurredAt)).toList()) {
            if (period.isBeforeStart(change.occurredAt())) {
                start = change.mrr();
            }
            if (period.isBeforeEnd(change.occurredAt())) {
                end = change.mrr();
            }
        }
        return new MrrPosition(start, end);
    }

    /** Paying at the start: in the cohort. */
    boolean activeAtStart() {
        return start.signum() > 0;
    }

    /** Paying at the end. */
    boolean activeAtEnd() {
        return end.signum() > 0;
    }
}
