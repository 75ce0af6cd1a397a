package dev.kreis.platform.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.kreis.platform.kpi.DayPeriod;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The scorecards' queries (each one aggregate) and the stored pyramid targets. */
@ApplicationScoped
public class ScorecardRepository {
    private final Jdbc jdbc;

    ScorecardRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Customers with touchpoints in the period, and those whose touchpoints came from two or more modules. */
    public record ModuleReach(long customers, long withTwoOrMoreModules) {
    }

    /** A source that sent touchpoints in the period: how many, and when the latest of them occurred. */
    public record Source(String source, OffsetDateTime lastTouchpointAt, long touchpoints) {
    }

    /** Touchpoints of the period whose type is one of {@code types} (keys or prefixes ending in {@code *}), from the daily rollup. */
    public long touchpointsOfTypes(List<String> types, DayPeriod period) {
        if (types.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select coalesce(sum(touchpoints), 0) as n from kpi_day_rollup where epoch_day >= ? and epoch_day < ? and (");
        params.add((int) period.from().toEpochDay());
        params.add((int) period.to().toEpochDay());
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i).trim();
            sql.append(i == 0 ? "" : " or ");
            if (type.endsWith("*")) {
                sql.append("type like ?");
                params.add(type.substring(0, type.length() - 1).replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                sql.append("type = ?");
                params.add(type);
            }
        }
        sql.append(")");
        return jdbc.queryOne(sql.toString(), row -> row.getLong("n"), params.toArray()).orElse(0L);
    }

    /** Per current customer (merges applied), the distinct modules of their touchpoints in the period, from the per-profile rollup. */
    public ModuleReach moduleReach(DayPeriod period) {
        String sql = "select count(*) as customers, coalesce(sum(case when m >= 2 then 1 else 0 end), 0) as multi from ("
                + "select p.customer_id, count(distinct d.module) as m from kpi_profile_day d join profile p on p.id = d.profile_id"
                + " where d.epoch_day >= ? and d.epoch_day < ? and d.touchpoints > 0 group by p.customer_id) x";
        return jdbc.queryOne(sql, row -> new ModuleReach(row.getLong("customers"), row.getLong("multi")),
                (int) period.from().toEpochDay(), (int) period.to().toEpochDay()).orElseThrow();
    }

    /** Sources of the touchpoints that occurred in the period, by source name. */
    public List<Source> sources(DayPeriod period) {
        return jdbc.query("select source, max(occurred_at) as last_at, count(*) as n from touchpoint where occurred_at >= ? and occurred_at < ?"
                + " group by source order by source",
                row -> new Source(row.getString("source"), Jdbc.time(row, "last_at"), row.getLong("n")), midnight(period.from()),
                midnight(period.to()));
    }

    /** The stored target per level number; levels without a row are absent. */
    public Map<Integer, BigDecimal> targets() {
        Map<Integer, BigDecimal> targets = new TreeMap<>();
        jdbc.query("select level, target_value from scorecard_target", row -> targets.put(row.getInt("level"), row.getBigDecimal("target_value")));
        return targets;
    }

    /** Stores a level's target, replacing the stored one. */
    public void saveTarget(int level, BigDecimal value, String actor, OffsetDateTime at) {
        int updated = jdbc.update("update scorecard_target set target_value = ?, updated_by = ?, updated_at = ? where level = ?", value, actor,
                at, level);
        if (updated == 0) {
            jdbc.update("insert into scorecard_target (level, target_value, updated_by, updated_at) values (?, ?, ?, ?)", level, value, actor,
                    at);
        }
    }

    private static OffsetDateTime midnight(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
