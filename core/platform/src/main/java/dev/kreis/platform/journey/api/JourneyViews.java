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
    @Schema(example = """
            {"customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "from": null, "to": null, "currentPhase": "retention",
             "lastTouchPhase": "retention",
             "phases": [{"phase": "purchase", "firstReachedAt": "2026-01-04T10:00:00Z", "lastTouchAt": "2026-01-04T10:00:00Z", "touchpoints": 1,
               "timeInPhase": "PT36H30M"},
              {"phase": "retention", "firstReachedAt": "2026-01-05T22:30:00Z", "lastTouchAt": "2026-01-20T09:00:00Z", "touchpoints": 2,
               "timeInPhase": "PT370H30M"}],
             "peakEnd": {"score": 0.75,
              "peak": {"id": "7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f", "type": "feedback.csat", "occurredAt": "2026-01-06T09:00:00Z",
               "scoreScale": "csat", "score": 5, "normalised": 1},
              "end": {"id": "8c0e2a4b-6d8f-4b0c-9e2a-4b6d8f0c2e4a", "type": "feedback.csat", "occurredAt": "2026-01-20T09:00:00Z",
               "scoreScale": "csat", "score": 4, "normalised": 0.5}},
             "mean": 0.75, "scoredTouchpoints": 2, "truncated": false}""")
    record JourneyView(@Schema(required = true) UUID customerId, @Schema(required = true, format = "date-time", nullable = true) OffsetDateTime from, @Schema(required = true, format = "date-time", nullable = true) OffsetDateTime to,
            @Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" }, nullable = true) String currentPhase, @Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" }, nullable = true) String lastTouchPhase,
            @Schema(required = true) List<PhaseView> phases, @Schema(required = true, nullable = true) PeakEndView peakEnd, @Schema(required = true, nullable = true) BigDecimal mean, @Schema(required = true) int scoredTouchpoints, @Schema(required = true) boolean truncated) {

        static JourneyView of(CustomerJourney journey) {
            return new JourneyView(journey.customerId(), journey.window().from(), journey.window().to(),
                    journey.currentPhase().map(JourneyPhase::wire).orElse(null), journey.lastTouchPhase().map(JourneyPhase::wire).orElse(null),
                    journey.phases().stream().map(PhaseView::of).toList(), journey.peakEnd().map(PeakEndView::of).orElse(null),
                    journey.mean().orElse(null), journey.scoredTouchpoints(), journey.truncated());
        }
    }

    /** A phase reached; {@code timeInPhase} is an ISO-8601 duration such as {@code PT36H30M}. */
    record PhaseView(@Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" }) String phase, @Schema(required = true) OffsetDateTime firstReachedAt, @Schema(required = true) OffsetDateTime lastTouchAt, @Schema(required = true) long touchpoints, @Schema(required = true, description = "An ISO-8601 duration such as PT36H30M") String timeInPhase) {

        static PhaseView of(PhaseStay stay) {
            return new PhaseView(stay.phase().wire(), stay.firstReachedAt(), stay.lastTouchAt(), stay.touchpoints(),
                    stay.timeInPhase().toString());
        }
    }

    record PeakEndView(@Schema(required = true, description = "The peak-end score, normalised to -1..1") BigDecimal score, @Schema(required = true) TouchpointSummary peak, @Schema(required = true) TouchpointSummary end) {

        static PeakEndView of(PeakEnd<JourneyTouchpoint> peakEnd) {
            return new PeakEndView(peakEnd.score(), TouchpointSummary.of(peakEnd.peak()), TouchpointSummary.of(peakEnd.end()));
        }
    }

    /** A scored touchpoint: its score on its scale and normalised to −1..1. */
    record TouchpointSummary(@Schema(required = true) UUID id, @Schema(required = true) String type, @Schema(required = true) OffsetDateTime occurredAt, @Schema(required = true, enumeration = { "nps", "csat", "ces", "sentiment" }) String scoreScale, @Schema(required = true) BigDecimal score, @Schema(required = true, description = "The score normalised to -1..1") BigDecimal normalised) {

        static TouchpointSummary of(ScoredTouchpoint<JourneyTouchpoint> scored) {
            JourneyTouchpoint touchpoint = scored.touchpoint();
            return new TouchpointSummary(touchpoint.id(), touchpoint.type(), touchpoint.occurredAt(), scored.scale().wire(),
                    plain(scored.score()), scored.normalised());
        }
    }

    /** {@code GET /api/v1/journeys/phases/{phase}/metrics}. */
    @Schema(example = """
            {"phase": "retention", "from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z",
             "journey": {"customersReached": 120, "averagePeakEnd": 0.42, "peakEndJourneys": 35},
             "touchpointTypes": [{"type": "feedback.csat", "scoreScale": "csat", "touchpoints": 80, "customers": 64, "scored": 80,
               "averageScore": 4.1, "averageNormalised": 0.55, "companyInitiatedShare": 0},
              {"type": "support.ticket_opened", "scoreScale": null, "touchpoints": 40, "customers": 31, "scored": 0,
               "averageScore": null, "averageNormalised": null, "companyInitiatedShare": 0.1}]}""")
    record PhaseMetricsView(@Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" }) String phase, @Schema(required = true) OffsetDateTime from, @Schema(required = true) OffsetDateTime to, @Schema(required = true) JourneyLevelView journey,
            @Schema(required = true) List<TouchpointTypeView> touchpointTypes) {

        static PhaseMetricsView of(PhaseMetrics metrics) {
            return new PhaseMetricsView(metrics.phase().wire(), metrics.period().from(), metrics.period().to(),
                    new JourneyLevelView(metrics.customersReached(), metrics.averagePeakEnd().orElse(null), metrics.peakEndJourneys()),
                    metrics.touchpointTypes().stream().map(TouchpointTypeView::of).toList());
        }
    }

    record JourneyLevelView(@Schema(required = true) long customersReached, @Schema(required = true, nullable = true) BigDecimal averagePeakEnd, @Schema(required = true) long peakEndJourneys) {
    }

    record TouchpointTypeView(@Schema(required = true) String type, @Schema(required = true, enumeration = { "nps", "csat", "ces", "sentiment" }, nullable = true) String scoreScale, @Schema(required = true) long touchpoints, @Schema(required = true) long customers, @Schema(required = true) long scored, @Schema(required = true, nullable = true) BigDecimal averageScore,
            @Schema(required = true, nullable = true) BigDecimal averageNormalised, @Schema(required = true, nullable = true) BigDecimal companyInitiatedShare) {

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
