package dev.kreis.platform.kpi.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.kreis.platform.kpi.DayFold;
import dev.kreis.platform.storage.DatabaseKind;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The fold's SQL: which days received touchpoints, the fold state row, and recomputing one day's rollups (all three). */
@ApplicationScoped
public class RollupRepository {
    private static final String STATE = "touchpoints";
    private static final String EPOCH_DAY = "floor(extract(epoch from occurred_at) / 86400)";

    private final Jdbc jdbc;
    private final CustomerDayRepository customerDays;

    RollupRepository(Jdbc jdbc, CustomerDayRepository customerDays) {
        this.jdbc = jdbc;
        this.customerDays = customerDays;
    }

    /**
     * The fold state: the latest folded received_at, the number of changes of the rollups, and up to when every
     * touchpoint received is known to be folded, late commits included ({@code null} until a fold has settled it).
     */
    public record FoldState(OffsetDateTime watermark, long generation, OffsetDateTime settledUntil) {
    }

    private static final String STATE_COLUMNS = "select watermark, generation, settled_until from kpi_fold_state where id = ?";

    public FoldState state() {
        return jdbc.queryOne(STATE_COLUMNS, RollupRepository::state, STATE).orElseThrow();
    }

    /** Locks the state row until the surrounding transaction ends: one folder at a time, across nodes. */
    public FoldState lock() {
        return jdbc.queryOne(STATE_COLUMNS + " for update", RollupRepository::state, STATE).orElseThrow();
    }

    /**
     * {@link #lock()} for a KPI read's own fold: waits at most {@value #READ_LOCK_WAIT_MS} ms for the lock and then
     * fails, so a read behind a long fold or a rebuild of the gap cells answers from the rollups as they are instead of
     * waiting for it (PostgreSQL's {@code lock_timeout} for the transaction; H2's for the session, set back after).
     */
    public FoldState lockForRead() {
        if (jdbc.kind() == DatabaseKind.POSTGRESQL) {
            jdbc.update("set local lock_timeout = " + READ_LOCK_WAIT_MS);
            FoldState state = lock();
            jdbc.update("set local lock_timeout = 0");
            return state;
        }
        long usual = jdbc.queryOne("select setting_value from information_schema.settings where setting_name = 'LOCK_TIMEOUT'",
                row -> Long.parseLong(row.getString("setting_value"))).orElse(10_000L);
        jdbc.update("set lock_timeout " + READ_LOCK_WAIT_MS);
        try {
            return lock();
        } finally {
            jdbc.update("set lock_timeout " + usual);
        }
    }

    private static final int READ_LOCK_WAIT_MS = 2000;

    private static FoldState state(ResultSet row) throws SQLException {
        return new FoldState(Jdbc.time(row, "watermark"), row.getLong("generation"), Jdbc.time(row, "settled_until"));
    }

    /**
     * Records a completed fold: moves the watermark forward and, when given, {@code settledUntil} (never
     * either back). The generation is not bumped here: only a change of the rollups does that.
     */
    public void completed(OffsetDateTime watermark, OffsetDateTime settledUntil, OffsetDateTime now) {
        String watermarkForward = "update kpi_fold_state set watermark = case when watermark < ? then ? else watermark end, folded_at = ?";
        if (settledUntil == null) {
            jdbc.update(watermarkForward + " where id = ?", watermark, watermark, now, STATE);
        } else {
            jdbc.update(watermarkForward + ", settled_until = case when settled_until is null or settled_until < ? then ? else settled_until end"
                    + " where id = ?", watermark, watermark, now, settledUntil, settledUntil, STATE);
        }
    }

    /** Counts a change of the rollups; call in the transaction that changes them, so readers never pair new rows with an old generation. */
    public void bumpGeneration() {
        jdbc.update("update kpi_fold_state set generation = generation + 1 where id = ?", STATE);
    }

    /** When the latest merge or split happened (every change of a customer cluster records one), null before the first. */
    public OffsetDateTime latestIdentityChange() {
        List<OffsetDateTime> latest = jdbc.query("select max(occurred_at) as latest from identity_event", row -> Jdbc.time(row, "latest"));
        return latest.isEmpty() ? null : latest.get(0);
    }

    /** Touchpoints received after {@code after}, counted up to {@code limit + 1} (enough to know "more than limit"). */
    public int receivedAfter(OffsetDateTime after, int limit) {
        return jdbc.queryOne("select count(*) as n from (select 1 from touchpoint where received_at > ? limit " + (limit + 1) + ") x",
                row -> row.getInt("n"), after).orElse(0);
    }

    /** The UTC days (epoch days) touchpoints received after {@code after} occurred on, each with its latest received_at. */
    public Map<Integer, OffsetDateTime> daysReceivedAfter(OffsetDateTime after) {
        Map<Integer, OffsetDateTime> days = new TreeMap<>();
        jdbc.query("select " + EPOCH_DAY + " as d, max(received_at) as r from touchpoint where received_at > ? group by " + EPOCH_DAY,
                row -> days.put(row.getInt("d"), Jdbc.time(row, "r")), after);
        return days;
    }

    /** How many touchpoints the rollups already count on the given UTC days: what refolding them re-reads besides the new ones. */
    public long foldedOn(java.util.Set<Integer> epochDays) {
        if (epochDays.isEmpty()) {
            return 0;
        }
        long[] sum = { 0 };
        jdbc.query("select epoch_day, sum(touchpoints) as n from kpi_day_rollup where epoch_day between ? and ? group by epoch_day",
                row -> {
                    if (epochDays.contains(row.getInt("epoch_day"))) {
                        sum[0] += row.getLong("n");
                    }
                    return null;
                }, java.util.Collections.min(epochDays), java.util.Collections.max(epochDays));
        return sum[0];
    }

    private static final String DAY_INSERT = "insert into kpi_day_rollup (epoch_day, type, module, phase, initiator, score_scale,"
            + " score, touchpoints, amount_sum) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PROFILE_INSERT = "insert into kpi_profile_day (profile_id, epoch_day, module, phase, phase_rank,"
            + " touchpoints, orders, order_amount, scored, peak_30, peak_at, peak_id, peak_type, end_30, end_at, end_id, mrr, mrr_at,"
            + " mrr_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Whether the day's rollup already counts every touchpoint of the day. Touchpoints are never
     * deleted (erasure only clears payloads), so an equal count means the same touchpoints.
     */
    public boolean isCurrent(int epochDay) {
        OffsetDateTime from = LocalDate.ofEpochDay(epochDay).atStartOfDay().atOffset(ZoneOffset.UTC);
        long stored = jdbc.queryOne("select count(*) as n from touchpoint where occurred_at >= ? and occurred_at < ?",
                row -> row.getLong("n"), from, from.plusDays(1)).orElse(0L);
        long folded = jdbc.queryOne("select coalesce(sum(touchpoints), 0) as n from kpi_day_rollup where epoch_day = ?",
                row -> row.getLong("n"), epochDay).orElse(0L);
        return stored == folded;
    }

    /**
     * Recomputes the rollups of one UTC day from its touchpoints (the per-customer one from the new
     * per-profile rows) and records the day as changed in the next generation ({@code kpi_fold_day});
     * call inside the transaction holding {@link #lock()}, which then bumps the generation.
     */
    public void refold(int epochDay) {
        OffsetDateTime from = LocalDate.ofEpochDay(epochDay).atStartOfDay().atOffset(ZoneOffset.UTC);
        DayFold fold = new DayFold();
        jdbc.query("select t.id, t.profile_id, t.type, t.module, t.phase, t.initiator, tt.score_scale, t.score, t.amount, t.occurred_at"
                + " from touchpoint t left join touchpoint_type tt on tt.type_key = t.type"
                + " where t.occurred_at >= ? and t.occurred_at < ? order by t.occurred_at, t.id",
                row -> {
                    fold.add(new DayFold.Fact(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "profile_id"), row.getString("type"),
                            row.getString("module"), row.getString("phase"), row.getString("initiator"), row.getString("score_scale"),
                            row.getBigDecimal("score"), row.getBigDecimal("amount"), Jdbc.time(row, "occurred_at")));
                    return null;
                }, from, from.plusDays(1));
        jdbc.update("delete from kpi_day_rollup where epoch_day = ?", epochDay);
        jdbc.update("delete from kpi_profile_day where epoch_day = ?", epochDay);
        jdbc.update("delete from kpi_fold_day where epoch_day = ?", epochDay);
        jdbc.update("insert into kpi_fold_day (epoch_day, generation) select ?, generation + 1 from kpi_fold_state where id = ?", epochDay, STATE);
        jdbc.batch(DAY_INSERT, fold.dayRows().stream().map(r -> new Object[] { epochDay, r.type(), r.module(), r.phase(),
                r.initiator(), r.scale(), r.score(), r.touchpoints(), r.amountSum() }).toList());
        List<Object[]> profileRows = fold.profileRows().stream().map(r -> new Object[] { r.profileId(), epochDay, r.module(),
                r.phase(), r.phaseRank(), r.touchpoints(), r.orders(), r.orderAmount(), r.scored(), r.peak30(), r.peakAt(), r.peakId(), r.peakType(),
                r.end30(), r.endAt(), r.endId(), r.mrr(), r.mrrAt(), r.mrrId() }).toList();
        jdbc.batch(PROFILE_INSERT, profileRows);
        customerDays.refoldDay(epochDay);
    }
}
