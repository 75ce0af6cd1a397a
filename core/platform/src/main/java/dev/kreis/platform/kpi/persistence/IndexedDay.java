package dev.kreis.platform.kpi.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One UTC day of {@code kpi_profile_day} in columns, as {@link CustomerKpiIndex} keeps it: immutable,
 * replaced whole when the day is refolded. Every row has its profile (an index into the index's
 * profiles), module, phase and phase rank and order count; the rows with a scored touchpoint and
 * those with an MRR change are listed apart with what the peak-end and revenue-retention KPIs need.
 * Amounts and scores are kept as longs of ten-thousandths (the rollup columns have four decimals), so
 * sums are exact; instants as microseconds since the epoch; ids as two unsigned longs, which order
 * like the database orders UUIDs.
 */
final class IndexedDay {
    static final int SCALE = 4;

    final int size;
    final int[] profile;
    final short[] module;
    final byte[] phase;
    final byte[] rank;
    final int[] orders;

    /** Rows with a scored touchpoint: their row, peak and end (value, instant, id). */
    final int[] scoredRow;
    final long[] peak;
    /** |peak| and the peak's second in one long that orders like (|peak|, instant) up to the second; ties need {@link #peakBeats}. */
    final long[] peakKey;
    final long[] peakAt;
    final long[] peakHi;
    final long[] peakLo;
    final long[] end;
    final long[] endAt;
    final long[] endHi;
    final long[] endLo;

    /** Rows with an MRR change, ordered by the instant and id of the day's last subscription event: their row and MRR. */
    final int[] mrrRow;
    final long[] mrr;

    private IndexedDay(List<Row> rows) {
        size = rows.size();
        profile = new int[size];
        module = new short[size];
        phase = new byte[size];
        rank = new byte[size];
        orders = new int[size];
        List<Integer> scored = new ArrayList<>();
        List<Integer> paying = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            profile[i] = row.profile;
            module[i] = row.module;
            phase[i] = row.phase;
            rank[i] = row.rank;
            orders[i] = row.orders;
            if (row.peak != null) {
                scored.add(i);
            }
            if (row.mrr != null) {
                paying.add(i);
            }
        }
        int s = scored.size();
        scoredRow = new int[s];
        peak = new long[s];
        peakKey = new long[s];
        peakAt = new long[s];
        peakHi = new long[s];
        peakLo = new long[s];
        end = new long[s];
        endAt = new long[s];
        endHi = new long[s];
        endLo = new long[s];
        for (int j = 0; j < s; j++) {
            Row row = rows.get(scored.get(j));
            scoredRow[j] = scored.get(j);
            peak[j] = row.peak;
            peakKey[j] = peakKey(row.peak, row.peakAt);
            peakAt[j] = row.peakAt;
            peakHi[j] = row.peakHi;
            peakLo[j] = row.peakLo;
            end[j] = row.end;
            endAt[j] = row.endAt;
            endHi[j] = row.endHi;
            endLo[j] = row.endLo;
        }
        paying.sort(Comparator.<Integer>comparingLong(i -> rows.get(i).mrrAt)
                .thenComparing((a, b) -> Long.compareUnsigned(rows.get(a).mrrHi, rows.get(b).mrrHi))
                .thenComparing((a, b) -> Long.compareUnsigned(rows.get(a).mrrLo, rows.get(b).mrrLo)));
        mrrRow = new int[paying.size()];
        mrr = new long[paying.size()];
        for (int j = 0; j < paying.size(); j++) {
            mrrRow[j] = paying.get(j);
            mrr[j] = rows.get(paying.get(j)).mrr;
        }
    }

    static IndexedDay of(List<Row> rows) {
        return new IndexedDay(rows);
    }

    /** One {@code kpi_profile_day} row as read, before it goes into columns. */
    static final class Row {
        UUID profileId;
        String moduleName;
        String phaseName;
        int profile;
        short module;
        byte phase;
        byte rank;
        int orders;
        Long peak;
        long peakAt;
        long peakHi;
        long peakLo;
        long end;
        long endAt;
        long endHi;
        long endLo;
        Long mrr;
        long mrrAt;
        long mrrHi;
        long mrrLo;

        void peak(BigDecimal value, OffsetDateTime at, UUID id) {
            peak = scaled(value);
            peakAt = micros(at);
            peakHi = id.getMostSignificantBits();
            peakLo = id.getLeastSignificantBits();
        }

        void end(BigDecimal value, OffsetDateTime at, UUID id) {
            end = scaled(value);
            endAt = micros(at);
            endHi = id.getMostSignificantBits();
            endLo = id.getLeastSignificantBits();
        }

        void mrr(BigDecimal value, OffsetDateTime at, UUID id) {
            mrr = scaled(value);
            mrrAt = micros(at);
            mrrHi = id.getMostSignificantBits();
            mrrLo = id.getLeastSignificantBits();
        }
    }

    static long scaled(BigDecimal value) {
        return value.setScale(SCALE).unscaledValue().longValueExact();
    }

    static BigDecimal unscaled(long value) {
        return BigDecimal.valueOf(value, SCALE);
    }

    private static long micros(OffsetDateTime at) {
        return Math.addExact(Math.multiplyExact(at.toEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /**
     * (|peak| × 2⁴⁴) + (the instant's second + 2⁴³): |peak| in ten-thousandths is at most 30 × 10⁴ (19
     * bits) and seconds within ±2⁴³ span ±278,000 years, so the key is positive and orders like
     * (|peak|, second).
     */
    static long peakKey(long peak, long atMicros) {
        return (Math.abs(peak) << 44) | (Math.floorDiv(atMicros, 1_000_000L) + (1L << 43));
    }

    /** Whether scored row {@code a} of this day is a stronger peak than row {@code b} of {@code other}: larger |score|, then later, then larger id. */
    boolean peakBeats(int a, IndexedDay other, int b) {
        int c = Long.compare(Math.abs(peak[a]), Math.abs(other.peak[b]));
        if (c == 0) {
            c = Long.compare(peakAt[a], other.peakAt[b]);
        }
        if (c == 0) {
            c = Long.compareUnsigned(peakHi[a], other.peakHi[b]);
        }
        if (c == 0) {
            c = Long.compareUnsigned(peakLo[a], other.peakLo[b]);
        }
        return c > 0;
    }

    /** Whether scored row {@code a} of this day ends later than row {@code b} of {@code other}: later, then larger id. */
    boolean endBeats(int a, IndexedDay other, int b) {
        int c = Long.compare(endAt[a], other.endAt[b]);
        if (c == 0) {
            c = Long.compareUnsigned(endHi[a], other.endHi[b]);
        }
        if (c == 0) {
            c = Long.compareUnsigned(endLo[a], other.endLo[b]);
        }
        return c > 0;
    }
}
