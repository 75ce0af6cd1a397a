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
    record DefinitionView(
            @Schema(required = true, example = "nps") String key,
            @Schema(required = true, example = "Net Promoter Score") String name,
            @Schema(required = true, enumeration = { "score", "percent", "ratio", "money", "count", "duration_seconds", "number" }) String unit,
            @Schema(required = true, enumeration = { "higher_is_better", "lower_is_better" }) String direction,
            @Schema(required = true, description = "Owner departments, sorted") List<String> owners,
            @Schema(required = true, description = "Whether two or more departments share the KPI") boolean shared,
            @Schema(required = true, description = "What is measured and how") String description,
            @Schema(description = "The target in effect today; left out when there is none")
            @JsonInclude(JsonInclude.Include.NON_NULL) TargetView target) {

        static DefinitionView of(KpiEngine.Overview overview) {
            KpiDefinition definition = overview.kpi().definition();
            List<String> owners = List.copyOf(new TreeSet<>(overview.target().map(StoredTarget::owners).orElse(definition.ownerDepartments())));
            boolean shared = overview.target().map(StoredTarget::shared).orElse(definition.shared());
            return new DefinitionView(definition.key(), definition.name(), definition.unit().wire(), definition.direction().wire(), owners,
                    shared, definition.description(), overview.target().map(TargetView::of).orElse(null));
        }
    }

    /** A target. */
    @Schema(example = KpiDocs.TARGET_EXAMPLE)
    record TargetView(
            @Schema(required = true, description = "The KPI's key") String kpi,
            @Schema(required = true, description = "The target value, in the KPI's unit") BigDecimal value,
            @Schema(required = true, nullable = true, description = "The first day; null when open") LocalDate from,
            @Schema(required = true, nullable = true, description = "The day after the last; null when open") LocalDate to,
            @Schema(required = true, description = "Owner departments, sorted") List<String> owners,
            @Schema(required = true) boolean shared,
            @Schema(required = true) BandView atRisk,
            @Schema(required = true) String updatedBy,
            @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

        static TargetView of(StoredTarget target) {
            return new TargetView(target.kpiKey(), target.value(), target.from().orElse(null), target.to().orElse(null),
                    List.copyOf(new TreeSet<>(target.owners())), target.shared(), BandView.of(target.band()), target.updatedBy(),
                    target.updatedAt());
        }
    }

    /** An at-risk band: {@code percent_of_target} or {@code absolute}, and its width. */
    record BandView(
            @Schema(required = true, enumeration = { "percent_of_target", "absolute" }) String kind,
            @Schema(required = true, description = "How far from the target a value is still at risk rather than off track") BigDecimal width) {
        static BandView of(AtRiskBand band) {
            return new BandView(band.kind().name().toLowerCase(Locale.ROOT), band.width());
        }
    }

    /** {@code GET /api/v1/kpis/{key}}. */
    @Schema(example = KpiDocs.VALUE_EXAMPLE)
    record ValueView(
            @Schema(required = true) String key,
            @Schema(required = true, nullable = true, description = "null when nothing was measured in the period") BigDecimal value,
            @Schema(required = true, enumeration = { "score", "percent", "ratio", "money", "count", "duration_seconds", "number" }) String unit,
            @Schema(required = true, description = "How many measurements the value is computed from") long sampleSize,
            @Schema(required = true, description = "First day of the period") LocalDate from,
            @Schema(required = true, description = "Day after the period") LocalDate to,
            @Schema(description = "The target covering the period; left out when there is none")
            @JsonInclude(JsonInclude.Include.NON_NULL) TargetView target,
            @Schema(enumeration = { "on_track", "at_risk", "off_track" }, description = "Against the target; left out without target or value")
            @JsonInclude(JsonInclude.Include.NON_NULL) String status) {

        static ValueView of(KpiEngine.Reading reading) {
            return new ValueView(reading.kpi().definition().key(), reading.value().value(), reading.kpi().definition().unit().wire(),
                    reading.value().sampleSize(), reading.period().from(), reading.period().to(),
                    reading.target().map(TargetView::of).orElse(null), reading.status().map(s -> s.wire()).orElse(null));
        }
    }

    /** {@code GET /api/v1/kpis/{key}/series}. */
    @Schema(example = KpiDocs.SERIES_EXAMPLE)
    record SeriesView(
            @Schema(required = true) String key,
            @Schema(required = true, enumeration = { "day", "week", "month" }) String interval,
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true, description = "One point per interval, oldest first") List<PointView> points) {
    }

    /** One bucket of a series. */
    record PointView(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true, nullable = true, description = "null when nothing was measured in the interval") BigDecimal value,
            @Schema(required = true) long sampleSize) {
        static PointView of(KpiEngine.Point point) {
            return new PointView(point.period().from(), point.period().to(), point.value().value(), point.value().sampleSize());
        }
    }

    /** {@code GET /api/v1/kpis/funnel/steps}. */
    @Schema(example = KpiDocs.FUNNEL_EXAMPLE)
    record FunnelView(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true, description = "Every journey phase, in journey order") List<PhaseView> phases) {
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
    @Schema(name = "FunnelPhase")
    record PhaseView(
            @Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" })
            String phase,
            @Schema(required = true) long customers,
            @Schema(required = true, nullable = true) BigDecimal conversionToNext) {
    }

    /**
     * {@code GET /api/v1/kpis/peak-end/negative-peaks}: {@code negativeShare} = 100 × negativePeaks ÷ customers
     * ({@code null} without customers).
     */
    @Schema(example = KpiDocs.NEGATIVE_PEAKS_EXAMPLE)
    record NegativePeaksView(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true) long customers,
            @Schema(required = true) long negativePeaks,
            @Schema(required = true, nullable = true) BigDecimal negativeShare,
            @Schema(required = true) List<PeakTypeView> types) {

        static NegativePeaksView of(LocalDate from, LocalDate to, KpiRollupQueries.NegativePeaks peaks) {
            return new NegativePeaksView(from, to, peaks.customers(), peaks.negativePeaks(),
                    Ratio.of(peaks.negativePeaks(), peaks.customers()).percent().orElse(null),
                    peaks.types().stream().map(type -> new PeakTypeView(type.type(), type.customers(),
                            Ratio.of(type.customers(), peaks.negativePeaks()).percent().orElseThrow())).toList());
        }
    }

    /** A touchpoint type, how many customers had their negative peak there, and their share of all negative peaks in percent. */
    record PeakTypeView(
            @Schema(required = true) String type,
            @Schema(required = true) long customers,
            @Schema(required = true) BigDecimal share) {
    }
}
