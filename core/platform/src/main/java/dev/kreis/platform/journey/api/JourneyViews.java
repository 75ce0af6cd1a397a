package dev.kreis.platform.journey.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.journey.CustomerJourney;
import dev.kreis.platform.journey.JourneyTouchpoint;
import dev.kreis.platform.journey.PhaseMetrics;
import dev.kreis.platform.journey.PhaseStay;
import dev.kreis.platform.journey.TouchpointTypeTotals;
import dev.kreis.platform.kpi.PeakEnd;
import dev.kreis.platform.kpi.ScoredTouchpoint;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;

/** The JSON shapes of the journey endpoints. Absent values are {@code null}, never left out. */
final class JourneyViews {
    private JourneyViews() {
    }

    /** {@code GET /api/v1/customers/{id}/journey}. */
    record JourneyView(UUID customerId, @Schema(nullable = true) OffsetDateTime from, @Schema(nullable = true) OffsetDateTime to,
            @Schema(nullable = true) String currentPhase, @Schema(nullable = true) String lastTouchPhase,
            List<PhaseView> phases, @Schema(nullable = true) PeakEndView peakEnd, @Schema(nullable = true) BigDecimal mean, int scoredTouchpoints, boolean truncated) {

        static JourneyView of(CustomerJourney journey) {
            return new JourneyView(journey.customerId(), journey.window().from(), journey.window().to(),
                    journey.currentPhase().map(JourneyPhase::wire).orElse(null), journey.lastTouchPhase().map(JourneyPhase::wire).orElse(null),
                    journey.phases().stream().map(PhaseView::of).toList(), journey.peakEnd().map(PeakEndView::of).orElse(null),
                    journey.mean().orElse(null), journey.scoredTouchpoints(), journey.truncated());
        }
    }

    /** A phase reached; {@code timeInPhase} is an ISO-8601 duration such as {@code PT36H30M}. */
    record PhaseView(String phase, OffsetDateTime firstReachedAt, OffsetDateTime lastTouchAt, long touchpoints, String timeInPhase) {

        static PhaseView of(PhaseStay stay) {
            return new PhaseView(stay.phase().wire(), stay.firstReachedAt(), stay.lastTouchAt(), stay.touchpoints(),
                    stay.timeInPhase().toString());
        }
    }

    record PeakEndView(BigDecimal score, TouchpointSummary peak, TouchpointSummary end) {

        static PeakEndView of(PeakEnd<JourneyTouchpoint> peakEnd) {
            return new PeakEndView(peakEnd.score(), TouchpointSummary.of(peakEnd.peak()), TouchpointSummary.of(peakEnd.end()));
        }
    }

    /** A scored touchpoint: its score on its scale and normalised to −1..1. */
    record TouchpointSummary(UUID id, String type, OffsetDateTime occurredAt, String scoreScale, BigDecimal score, BigDecimal normalised) {

        static TouchpointSummary of(ScoredTouchpoint<JourneyTouchpoint> scored) {
            JourneyTouchpoint touchpoint = scored.touchpoint();
            return new TouchpointSummary(touchpoint.id(), touchpoint.type(), touchpoint.occurredAt(), scored.scale().wire(),
                    plain(scored.score()), scored.normalised());
        }
    }

    /** {@code GET /api/v1/journeys/phases/{phase}/metrics}. */
    record PhaseMetricsView(String phase, OffsetDateTime from, OffsetDateTime to, JourneyLevelView journey,
            List<TouchpointTypeView> touchpointTypes) {

        static PhaseMetricsView of(PhaseMetrics metrics) {
            return new PhaseMetricsView(metrics.phase().wire(), metrics.period().from(), metrics.period().to(),
                    new JourneyLevelView(metrics.customersReached(), metrics.averagePeakEnd().orElse(null), metrics.peakEndJourneys()),
                    metrics.touchpointTypes().stream().map(TouchpointTypeView::of).toList());
        }
    }

    record JourneyLevelView(long customersReached, @Schema(nullable = true) BigDecimal averagePeakEnd, long peakEndJourneys) {
    }

    record TouchpointTypeView(String type, @Schema(nullable = true) String scoreScale, long touchpoints, long customers, long scored, @Schema(nullable = true) BigDecimal averageScore,
            @Schema(nullable = true) BigDecimal averageNormalised, @Schema(nullable = true) BigDecimal companyInitiatedShare) {

        static TouchpointTypeView of(TouchpointTypeTotals totals) {
            return new TouchpointTypeView(totals.type(), totals.scale().map(ScoreScale::wire).orElse(null), totals.touchpoints(),
                    totals.customers(), totals.scored(), totals.averageScore().orElse(null), totals.averageNormalised().orElse(null),
                    totals.companyInitiatedShare().orElse(null));
        }
    }

    /** Drops storage padding (4.000 → 4) without switching to exponent form (10 stays 10). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
