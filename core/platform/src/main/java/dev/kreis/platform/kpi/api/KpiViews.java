package dev.kreis.platform.kpi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.kpi.AtRiskBand;
import dev.kreis.platform.kpi.Funnel;
import dev.kreis.platform.kpi.KpiEngine;
import dev.kreis.platform.kpi.Ratio;
import dev.kreis.platform.kpi.StoredTarget;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.touchpoint.JourneyPhase;

/** The JSON shapes of the KPI endpoints. */
final class KpiViews {
    private KpiViews() {
    }

    /** An entry of {@code GET /api/v1/kpis}: owners and shared come from the target in effect today, else the definition. */
    record DefinitionView(String key, String name, String unit, String direction, List<String> owners, boolean shared,
            String description, @JsonInclude(JsonInclude.Include.NON_NULL) TargetView target) {

        static DefinitionView of(KpiEngine.Overview overview) {
            KpiDefinition definition = overview.kpi().definition();
            List<String> owners = List.copyOf(new TreeSet<>(overview.target().map(StoredTarget::owners).orElse(definition.ownerDepartments())));
            boolean shared = overview.target().map(StoredTarget::shared).orElse(definition.shared());
            return new DefinitionView(definition.key(), definition.name(), definition.unit().wire(), definition.direction().wire(), owners,
                    shared, definition.description(), overview.target().map(TargetView::of).orElse(null));
        }
    }

    /** A target. */
    record TargetView(String kpi, BigDecimal value, @Schema(nullable = true, description = "The first day; null when open") LocalDate from,
            @Schema(nullable = true, description = "The day after the last; null when open") LocalDate to, List<String> owners, boolean shared, BandView atRisk,
            String updatedBy, OffsetDateTime updatedAt) {

        static TargetView of(StoredTarget target) {
            return new TargetView(target.kpiKey(), target.value(), target.from().orElse(null), target.to().orElse(null),
                    List.copyOf(new TreeSet<>(target.owners())), target.shared(), BandView.of(target.band()), target.updatedBy(),
                    target.updatedAt());
        }
    }

    /** An at-risk band: {@code percent_of_target} or {@code absolute}, and its width. */
    record BandView(String kind, BigDecimal width) {
        static BandView of(AtRiskBand band) {
            return new BandView(band.kind().name().toLowerCase(Locale.ROOT), band.width());
        }
    }

    /** {@code GET /api/v1/kpis/{key}}. */
    record ValueView(String key, @Schema(nullable = true) BigDecimal value, String unit, long sampleSize, LocalDate from, LocalDate to,
            @JsonInclude(JsonInclude.Include.NON_NULL) TargetView target, @JsonInclude(JsonInclude.Include.NON_NULL) String status) {

        static ValueView of(KpiEngine.Reading reading) {
            return new ValueView(reading.kpi().definition().key(), reading.value().value(), reading.kpi().definition().unit().wire(),
                    reading.value().sampleSize(), reading.period().from(), reading.period().to(),
                    reading.target().map(TargetView::of).orElse(null), reading.status().map(s -> s.wire()).orElse(null));
        }
    }

    /** {@code GET /api/v1/kpis/{key}/series}. */
    record SeriesView(String key, String interval, LocalDate from, LocalDate to, List<PointView> points) {
    }

    /** One bucket of a series. */
    record PointView(LocalDate from, LocalDate to, @Schema(nullable = true) BigDecimal value, long sampleSize) {
        static PointView of(KpiEngine.Point point) {
            return new PointView(point.period().from(), point.period().to(), point.value().value(), point.value().sampleSize());
        }
    }

    /** {@code GET /api/v1/kpis/funnel/steps}. */
    record FunnelView(LocalDate from, LocalDate to, List<PhaseView> phases) {
        static FunnelView of(LocalDate from, LocalDate to, Funnel funnel) {
            JourneyPhase[] phases = JourneyPhase.values();
            List<PhaseView> views = new java.util.ArrayList<>();
            for (int i = 0; i < phases.length; i++) {
                BigDecimal conversion = i + 1 < phases.length ? funnel.conversion(phases[i], phases[i + 1]).orElse(null) : null;
                views.add(new PhaseView(phases[i].wire(), funnel.reached(phases[i]), conversion));
            }
            return new FunnelView(from, to, views);
        }
    }

    /** A phase of the funnel: customers who reached it, and the percentage of them who reached the next one (null for the last or with nobody). */
    record PhaseView(String phase, long customers, @Schema(nullable = true) BigDecimal conversionToNext) {
    }

    /**
     * {@code GET /api/v1/kpis/peak-end/negative-peaks}: {@code negativeShare} = 100 × negativePeaks ÷ customers
     * ({@code null} without customers).
     */
    record NegativePeaksView(LocalDate from, LocalDate to, long customers, long negativePeaks, @Schema(nullable = true) BigDecimal negativeShare,
            List<PeakTypeView> types) {

        static NegativePeaksView of(LocalDate from, LocalDate to, KpiRollupQueries.NegativePeaks peaks) {
            return new NegativePeaksView(from, to, peaks.customers(), peaks.negativePeaks(),
                    Ratio.of(peaks.negativePeaks(), peaks.customers()).percent().orElse(null),
                    peaks.types().stream().map(type -> new PeakTypeView(type.type(), type.customers(),
                            Ratio.of(type.customers(), peaks.negativePeaks()).percent().orElseThrow())).toList());
        }
    }

    /** A touchpoint type, how many customers had their negative peak there, and their share of all negative peaks in percent. */
    record PeakTypeView(String type, long customers, BigDecimal share) {
    }
}
