package dev.kreis.platform.kpi.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import dev.kreis.platform.kpi.AtRiskBand;
import dev.kreis.platform.kpi.StoredTarget;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Targets per KPI and period; an open start or end is stored as a far epoch day. */
@ApplicationScoped
public class TargetRepository {
    /** Epoch day standing for "since always". */
    static final int OPEN_FROM = -1_000_000;
    /** Epoch day standing for "from then on". */
    static final int OPEN_TO = 1_000_000;
    private static final String COLUMNS = "id, kpi_key, from_day, to_day, target_value, owners, shared, band_kind, band_width,"
            + " updated_by, updated_at";

    private final Jdbc jdbc;

    TargetRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every target of a KPI. */
    public List<StoredTarget> of(String kpiKey) {
        return jdbc.query("select " + COLUMNS + " from kpi_target where kpi_key = ? order by from_day, to_day", TargetRepository::row, kpiKey);
    }

    /** The target of a KPI for exactly this period, if one is stored. */
    public Optional<StoredTarget> find(String kpiKey, Optional<LocalDate> from, Optional<LocalDate> to) {
        return jdbc.queryOne("select " + COLUMNS + " from kpi_target where kpi_key = ? and from_day = ? and to_day = ?",
                TargetRepository::row, kpiKey, fromDay(from), toDay(to));
    }

    /** Inserts the target, or replaces the one stored for the same KPI and period. */
    public void save(StoredTarget target) {
        int updated = jdbc.update("update kpi_target set target_value = ?, owners = ?, shared = ?, band_kind = ?, band_width = ?,"
                + " updated_by = ?, updated_at = ? where kpi_key = ? and from_day = ? and to_day = ?",
                target.value(), String.join(",", new TreeSet<>(target.owners())), target.shared(), target.band().kind().name(),
                target.band().width(), target.updatedBy(), target.updatedAt(), target.kpiKey(), fromDay(target.from()),
                toDay(target.to()));
        if (updated == 0) {
            jdbc.update("insert into kpi_target (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", target.id(),
                    target.kpiKey(), fromDay(target.from()), toDay(target.to()), target.value(),
                    String.join(",", new TreeSet<>(target.owners())), target.shared(), target.band().kind().name(),
                    target.band().width(), target.updatedBy(), target.updatedAt());
        }
    }

    private static int fromDay(Optional<LocalDate> from) {
        return from.map(day -> (int) day.toEpochDay()).orElse(OPEN_FROM);
    }

    private static int toDay(Optional<LocalDate> to) {
        return to.map(day -> (int) day.toEpochDay()).orElse(OPEN_TO);
    }

    private static StoredTarget row(ResultSet row) throws SQLException {
        int from = row.getInt("from_day");
        int to = row.getInt("to_day");
        return new StoredTarget(Jdbc.uuid(row, "id"), row.getString("kpi_key"),
                from == OPEN_FROM ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(from)),
                to == OPEN_TO ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(to)), row.getBigDecimal("target_value"),
                new TreeSet<>(Arrays.asList(row.getString("owners").split(","))), row.getBoolean("shared"),
                new AtRiskBand(AtRiskBand.Kind.valueOf(row.getString("band_kind")), row.getBigDecimal("band_width")),
                row.getString("updated_by"), Jdbc.time(row, "updated_at"));
    }
}
